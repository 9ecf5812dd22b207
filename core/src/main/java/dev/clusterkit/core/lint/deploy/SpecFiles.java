package dev.clusterkit.core.lint.deploy;

import dev.clusterkit.core.lint.Finding;
import dev.clusterkit.core.lint.Location;
import dev.clusterkit.core.lint.SourceFile;
import dev.clusterkit.core.spec.ClusterSpec;
import dev.clusterkit.core.spec.SpecError;
import dev.clusterkit.core.spec.SpecException;
import dev.clusterkit.core.spec.SpecLoader;
import dev.clusterkit.core.spi.AdapterRegistry;
import java.util.List;
import java.util.regex.Pattern;

/** Cluster specs among the linted files: recognised by content, linted by loading them. */
public final class SpecFiles {
  private static final Pattern API_VERSION = Pattern.compile("(?m)^apiVersion:\\s*[\"']?clusterkit/");

  private SpecFiles() {}

  /** A YAML document whose top-level apiVersion is clusterkit's, whatever the file is called. */
  public static boolean recognizes(SourceFile file) {
    return API_VERSION.matcher(file.text()).find();
  }

  /** What loading a spec gave: the spec, or the findings that say why it does not load. */
  public sealed interface Outcome permits Loaded, Invalid {}

  public record Loaded(ClusterSpec spec) implements Outcome {}

  public record Invalid(List<Finding> findings) implements Outcome {
    public Invalid {
      findings = List.copyOf(findings);
    }
  }

  /** Loads a spec with the adapters of {@code registry}; each spec error becomes a SPEC001 finding. */
  public static Outcome load(SourceFile file, AdapterRegistry registry) {
    String text = file.text().startsWith("\uFEFF") ? file.text().substring(1) : file.text();
    try {
      return new Loaded(new SpecLoader(registry).parse(file.path(), text));
    } catch (SpecException e) {
      return new Invalid(e.errors().stream().map(SpecFiles::finding).toList());
    }
  }

  private static Finding finding(SpecError error) {
    Location at = error.mark().line() > 0
        ? Location.at(error.mark().file(), error.mark().line(), Math.max(error.mark().column(), 0))
        : Location.of(error.mark().file());
    return DeploymentRules.SPEC_INVALID.at(at, error.message());
  }
}
