package dev.clusterkit.cli;

import dev.clusterkit.cli.testadapters.StandInClusterproLinux;
import dev.clusterkit.core.spi.AdapterRegistry;
import dev.clusterkit.core.spi.ClusterAdapter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Where the repository is, and the adapter registries the tests compare against. */
final class TestSetup {
  static final String CLUSTERPRO_LINUX = "clusterpro-linux";
  private static final String TEST_ADAPTERS = "dev.clusterkit.cli.testadapters.";

  private TestSetup() {}

  static Path repoRoot() {
    return Path.of(System.getProperty("clusterkit.repoRoot", "..")).toAbsolutePath().normalize();
  }

  static Path committedSchema() {
    return repoRoot().resolve("schema/clusterkit-spec.schema.json");
  }

  static List<Path> examples() {
    try (Stream<Path> files = Files.list(repoRoot().resolve("examples"))) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every adapter on the test class path, test adapters included. */
  static AdapterRegistry classPath() {
    return AdapterRegistry.load(TestSetup.class.getClassLoader());
  }

  /**
   * The adapters the distribution ships: the class path's without the test-only ones (also core's
   * test adapter, which a reactor build that stops before 'package' puts on the class path).
   */
  static AdapterRegistry production() {
    return AdapterRegistry.of(classPath().adapters().stream()
        .filter(a -> !a.getClass().getName().startsWith(TEST_ADAPTERS))
        .filter(a -> a.getClass().getName().startsWith("dev.clusterkit."))
        .toList());
  }

  static boolean hasRealClusterproLinux() {
    return production().find(CLUSTERPRO_LINUX).isPresent();
  }

  /** The class path's adapters, with a stand-in for clusterpro-linux while the real one is missing. */
  static AdapterRegistry forExamples() {
    List<ClusterAdapter> adapters = new ArrayList<>(classPath().adapters());
    if (!hasRealClusterproLinux()) {
      adapters.add(new StandInClusterproLinux());
    }
    return AdapterRegistry.of(adapters);
  }

  static Path testResource(String name) {
    return Path.of("src/test/resources").resolve(name).toAbsolutePath();
  }
}
