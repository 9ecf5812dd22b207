package dev.clusterkit.core.render;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What to render: which targets (empty = all the spec names) and a folder whose templates override
 * the bundled ones.
 */
public record RenderOptions(List<String> targets, Optional<Path> templateDir) {
  public static final RenderOptions ALL = new RenderOptions(List.of(), Optional.empty());

  public RenderOptions {
    targets = List.copyOf(targets);
  }
}
