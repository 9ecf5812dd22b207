package dev.clusterkit.cli;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterkit.core.lint.Finding;
import dev.clusterkit.core.lint.LintInputs;
import dev.clusterkit.core.lint.Rule;
import dev.clusterkit.core.lint.SourceFile;
import dev.clusterkit.core.spi.ClusterAdapter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Feeds every shipped adapter's linter random bytes and mangled copies of its own lint cases,
 * alone and several at once (the rules that compare files): it must return findings of its own
 * declared codes, never throw. Seeded, so a failure replays; the message holds the input.
 */
class AdapterLintFuzzTest {
  private static final long SEED = 0xC1A5_7E57L;
  private static final int ROUNDS = 300;

  static Stream<ClusterAdapter> adapters() {
    return TestSetup.production().adapters().stream();
  }

  /** One adapter's case files: name and bytes. */
  private record Sample(String name, byte[] bytes) {}

  private static List<Sample> samples(ClusterAdapter adapter) throws IOException {
    Path cases = TestSetup.repoRoot().resolve("adapter-" + adapter.id()).resolve("src/test/resources/lint");
    List<Sample> samples = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(cases)) {
      for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
        samples.add(new Sample(p.getFileName().toString(), Files.readAllBytes(p)));
      }
    }
    return samples;
  }

  private static byte[] mangle(Random random, byte[] base) {
    switch (random.nextInt(5)) {
      case 0 -> {
        byte[] b = new byte[random.nextInt(500)];
        random.nextBytes(b);
        return b;
      }
      case 1 -> {
        // Cut at a random place: unclosed blocks, quotes, half a command.
        return java.util.Arrays.copyOf(base, random.nextInt(base.length + 1));
      }
      case 2 -> {
        // Lines shuffled: commands out of order, labels before their GOTOs.
        List<String> lines = new ArrayList<>(List.of(new String(base, StandardCharsets.ISO_8859_1).split("\n", -1)));
        java.util.Collections.shuffle(lines, random);
        return String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1);
      }
      case 3 -> {
        // Hostile characters sprinkled in.
        String hostile = "\"'`$%^&|<>(){}[];:\\\r\n\t\u0000=#!~*?";
        StringBuilder s = new StringBuilder(new String(base, StandardCharsets.ISO_8859_1));
        for (int i = 0; i < 1 + random.nextInt(10) && s.length() > 0; i++) {
          s.insert(random.nextInt(s.length()), hostile.charAt(random.nextInt(hostile.length())));
        }
        return s.toString().getBytes(StandardCharsets.ISO_8859_1);
      }
      default -> {
        byte[] b = base.clone();
        for (int i = 0; i < 1 + random.nextInt(6) && b.length > 0; i++) {
          b[random.nextInt(b.length)] = (byte) random.nextInt(256);
        }
        return b;
      }
    }
  }

  private static SourceFile file(String name, byte[] bytes) {
    // As lint reads from disk when it can; as raw Latin-1 text otherwise, to reach the linters anyway.
    return LintInputs.decode("fuzz/" + name, bytes)
        .orElseGet(() -> SourceFile.withBytes("fuzz/" + name, new String(bytes, StandardCharsets.ISO_8859_1), bytes));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("adapters")
  void lintNeverThrowsAndReportsOnlyItsOwnCodes(ClusterAdapter adapter) throws IOException {
    List<Sample> samples = samples(adapter);
    Set<String> codes = adapter.rules().stream().map(Rule::code).collect(Collectors.toSet());
    Random random = new Random(SEED ^ adapter.id().hashCode());
    int linted = 0;
    int withFindings = 0;
    for (int round = 0; round < ROUNDS; round++) {
      int n = 1 + random.nextInt(3);
      List<SourceFile> files = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Sample s = samples.get(random.nextInt(samples.size()));
        files.add(file(i + "/" + s.name(), mangle(random, s.bytes())));
      }
      try {
        // The contract: lint gets the files recognizes accepted (as ClusterKit hands them over).
        List<SourceFile> recognised = files.stream().filter(adapter::recognizes).toList();
        List<Finding> findings = adapter.lint(recognised);
        assertNotNull(findings);
        linted += recognised.size();
        withFindings += findings.isEmpty() ? 0 : 1;
        for (Finding f : findings) {
          assertTrue(codes.contains(f.code()), adapter.id() + " reported undeclared code " + f.code());
        }
      } catch (RuntimeException | StackOverflowError e) {
        StringBuilder input = new StringBuilder();
        files.forEach(f -> input.append("\n--- ").append(f.path()).append('\n').append(f.text()));
        throw new AssertionError(adapter.id() + " threw on round " + round + " (seed " + SEED + "):" + input, e);
      }
    }
    // The mangling must leave enough of each file for the linter to take it up and find things.
    assertTrue(linted > ROUNDS / 2, adapter.id() + " recognised only " + linted + " fuzzed files");
    assertTrue(withFindings > ROUNDS / 10, adapter.id() + " found something in only " + withFindings + " rounds");
  }
}
