package dev.clusterkit.core.spi;

import dev.clusterkit.core.render.Templates;
import dev.clusterkit.core.spec.ClusterSpec;
import dev.clusterkit.core.spec.Settings;
import java.util.Objects;

/** What an adapter renders from: the spec, its own settings and its templates. */
public record RenderContext(ClusterSpec spec, Settings settings, Templates templates) {
  public RenderContext {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(templates, "templates");
  }
}
