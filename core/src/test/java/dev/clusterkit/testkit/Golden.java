package dev.clusterkit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.clusterkit.core.render.Artifact;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Compares rendered artifacts with golden files byte for byte. A golden file that is missing is
 * written and the test fails, asking for it to be reviewed and added; with
 * {@code -Dgolden.update=true} every golden file is rewritten (the test still fails, so an update is
 * never silent). Extra golden files that nothing renders any more also fail the test.
 */
public final class Golden {
  private Golden() {}

  /** The golden folder of a case, in the module's test resources. */
  public static Path dir(String caseName) {
    return Path.of("src/test/resources/golden").resolve(caseName);
  }

  public static void assertMatches(String caseName, List<Artifact> artifacts) {
    Path dir = dir(caseName);
    boolean update = Boolean.getBoolean("golden.update");
    List<String> written = new ArrayList<>();
    Set<String> expected = new TreeSet<>();
    try {
      for (Artifact artifact : artifacts) {
        expected.add(artifact.path());
        Path file = dir.resolve(artifact.path());
        if (update || !Files.exists(file)) {
          Files.createDirectories(file.getParent());
          Files.write(file, artifact.bytes());
          written.add(file.toString());
          continue;
        }
        byte[] golden = Files.readAllBytes(file);
        if (!Arrays.equals(golden, artifact.bytes())) {
          assertEquals(
              new String(golden, StandardCharsets.ISO_8859_1),
              new String(artifact.bytes(), StandardCharsets.ISO_8859_1),
              "rendered " + artifact.path() + " differs from golden file " + file
                  + " (rerun with -Dgolden.update=true after checking the change)");
        }
      }
      List<String> stale = new ArrayList<>();
      if (Files.isDirectory(dir)) {
        try (Stream<Path> walk = Files.walk(dir)) {
          walk.filter(Files::isRegularFile)
              .map(p -> dir.relativize(p).toString().replace('\\', '/'))
              .filter(p -> !expected.contains(p))
              .sorted()
              .forEach(stale::add);
        }
      }
      if (!stale.isEmpty()) {
        fail("golden files no longer rendered in " + dir + ": " + stale + "; delete them");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!written.isEmpty()) {
      fail("wrote golden files " + written + ": review them and git add them, then rerun");
    }
  }
}
