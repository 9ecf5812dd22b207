package dev.clusterkit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterkit.core.ClusterKit;
import dev.clusterkit.core.lint.Finding;
import dev.clusterkit.core.lint.LintReport;
import dev.clusterkit.core.lint.Rule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Lint rules tested by data. Each folder under a module's {@code src/test/resources/lint/cases}
 * holds files whose comments say which findings the linter must report, exactly:
 *
 * <ul>
 *   <li>{@code EXPECT: CODE...} or {@code EXPECT-HERE: CODE...}: on this line;
 *   <li>{@code EXPECT-NEXT: CODE...}: on the next line (for languages where a command line cannot
 *       carry a comment, such as batch files);
 *   <li>{@code EXPECT-FILE: CODE...}: for the whole file (line 0).
 * </ul>
 *
 * Fixtures are read as bytes (their line ends, code page and byte order mark are part of the test),
 * so markers must be ASCII; a UTF-16LE file (with its BOM) is decoded as such.
 */
public final class LintCases {
  /** The conventional place of the case folders, relative to the module. */
  public static final Path CASES = Path.of("src/test/resources/lint/cases");

  private static final Pattern EXPECT = Pattern.compile("EXPECT(-HERE|-NEXT|-FILE)?: ([A-Z0-9 ]+)");

  private LintCases() {}

  /** The case folders under {@code root}, sorted. */
  public static List<Path> caseDirs(Path root) {
    try (Stream<Path> list = Files.list(root)) {
      return list.filter(Files::isDirectory).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The case folders under {@code root}, sorted (the same as {@link #caseDirs}). */
  public static List<Path> cases(Path root) {
    return caseDirs(root);
  }

  /** Every code some case under {@code root} expects. */
  public static Set<String> covered(Path root) {
    Set<String> codes = new TreeSet<>();
    for (Path c : caseDirs(root)) {
      expected(c).forEach(e -> codes.add(e.substring(e.lastIndexOf(' ') + 1)));
    }
    return codes;
  }

  /** Lints one case folder and checks it yields exactly what its markers expect. */
  public static void assertCase(ClusterKit kit, Path caseDir) {
    try {
      LintReport report = kit.lint(List.of(caseDir));
      assertEquals(List.of(), report.skipped(), "every file of " + caseDir + " is recognised");
      assertEquals(expected(caseDir), actual(caseDir, report.findings()), "findings of " + caseDir + ": "
          + report.findings());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every rule has a case that expects it, and no case expects a code that is not a rule. */
  public static void assertEveryRuleHasACase(Path root, List<Rule> rules) {
    assertEquals(new TreeSet<>(rules.stream().map(Rule::code).toList()), covered(root));
  }

  /**
   * Codes are unique and carry the adapter's prefix; every entry has a summary, a hint, why it
   * matters and its source.
   */
  public static void assertRegistryEntries(List<Rule> rules, String prefix) {
    Set<String> seen = new HashSet<>();
    for (Rule r : rules) {
      assertTrue(seen.add(r.code()), "code reused: " + r.code());
      assertTrue(r.code().startsWith(prefix), r.code() + " lacks the prefix " + prefix);
      assertFalse(r.summary().isBlank() || r.hint().isBlank(), r.code() + " needs a summary and a hint");
      assertFalse(r.why().isBlank() || r.source().isBlank(), r.code() + " needs to say why it matters and its source");
    }
  }

  /** The findings a folder's markers expect, as {@code relative/path:line CODE}. */
  public static Set<String> expected(Path caseDir) {
    Set<String> expected = new TreeSet<>();
    try (Stream<Path> files = Files.walk(caseDir)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        String rel = caseDir.relativize(f).toString().replace('\\', '/');
        String[] lines = read(f).split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
          Matcher m = EXPECT.matcher(lines[i]);
          if (!m.find()) {
            continue;
          }
          String kind = m.group(1) == null ? "-HERE" : m.group(1);
          int line = switch (kind) {
            case "-NEXT" -> i + 2;
            case "-FILE" -> 0;
            default -> i + 1;
          };
          for (String code : m.group(2).trim().split(" +")) {
            expected.add(rel + ":" + line + " " + code);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return expected;
  }

  /** Findings as {@code relative/path:line CODE}, relative to {@code caseDir} when inside it. */
  public static Set<String> actual(Path caseDir, List<Finding> findings) {
    Set<String> actual = new TreeSet<>();
    Path base = caseDir.toAbsolutePath().normalize();
    for (Finding f : findings) {
      Path file = Path.of(f.location().file()).toAbsolutePath().normalize();
      String rel = file.startsWith(base) ? base.relativize(file).toString().replace('\\', '/')
          : file.getFileName().toString();
      actual.add(rel + ":" + f.location().line() + " " + f.code());
    }
    return actual;
  }

  private static String read(Path f) throws IOException {
    byte[] bytes = Files.readAllBytes(f);
    boolean utf16 = bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE;
    return new String(bytes, utf16 ? StandardCharsets.UTF_16LE : StandardCharsets.ISO_8859_1);
  }
}
