package dev.clusterkit.testkit;

import dev.clusterkit.core.lint.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Data-driven lint cases: each folder under a cases root holds files whose comments say what the
 * linter must report. {@code EXPECT: CODE...} expects a finding on its own line, {@code
 * EXPECT-NEXT: CODE...} on the next line ({@code EXPECT-HERE} is the same as {@code EXPECT}), {@code EXPECT-FILE: CODE...} one for the whole file
 * (line 0), in whatever comment syntax the file has. Findings are compared as {@code
 * path-in-case:line CODE}.
 */
public final class LintCases {
  private static final Pattern EXPECT = Pattern.compile("EXPECT(-NEXT|-FILE|-HERE)?: ([A-Z0-9 ]+)");

  private LintCases() {}

  /** The case folders, in name order. */
  public static List<Path> cases(Path root) throws IOException {
    try (Stream<Path> list = Files.list(root)) {
      return list.filter(Files::isDirectory).sorted().toList();
    }
  }

  /** What a case's markers expect. */
  public static Set<String> expected(Path caseDir) throws IOException {
    Set<String> expected = new TreeSet<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(caseDir)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path f : files) {
      String rel = caseDir.relativize(f).toString().replace('\\', '/');
      // Latin-1 maps every byte to one char, so markers are found in files of any charset.
      String[] lines = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).split("\r?\n", -1);
      for (int i = 0; i < lines.length; i++) {
        Matcher m = EXPECT.matcher(lines[i]);
        if (m.find()) {
          int line = m.group(1) == null || m.group(1).equals("-HERE") ? i + 1 : m.group(1).equals("-NEXT") ? i + 2 : 0;
          for (String code : m.group(2).trim().split(" +")) {
            expected.add(rel + ":" + line + " " + code);
          }
        }
      }
    }
    return expected;
  }

  /** Findings in the form {@link #expected} uses, paths relative to the case folder. */
  public static Set<String> actual(Path caseDir, List<Finding> findings) {
    Set<String> actual = new TreeSet<>();
    for (Finding f : findings) {
      String rel = caseDir.relativize(Path.of(f.location().file())).toString().replace('\\', '/');
      actual.add(rel + ":" + f.location().line() + " " + f.code());
    }
    return actual;
  }

  /** Every code some case under {@code root} expects. */
  public static Set<String> covered(Path root) throws IOException {
    Set<String> codes = new TreeSet<>();
    for (Path c : cases(root)) {
      expected(c).forEach(e -> codes.add(e.substring(e.lastIndexOf(' ') + 1)));
    }
    return codes;
  }
}
