package dev.clusterkit.core.drift;

import dev.clusterkit.core.lint.LintInputs;
import dev.clusterkit.core.lint.SourceFile;
import dev.clusterkit.core.render.Artifact;
import dev.clusterkit.core.render.LineEnding;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Compares a deployed folder with what a spec renders: each rendered artifact against the file at
 * the same path under the folder, after leaving out the lines the user marked as local edits
 * ({@link LocalEdits}). Bytes decide equality; a difference is shown as a unified diff of the lines,
 * plus what a line diff cannot show (charset, byte order mark, line ends).
 */
public final class Drift {
  /** Longer files are compared but not diffed line by line. */
  static final int MAX_DIFF_LINES = 20_000;

  private Drift() {}

  /** What differs for one path; {@code diff} is a unified diff, possibly empty. */
  public record FileDrift(String path, Kind kind, List<String> notes, String diff) {
    public FileDrift {
      notes = List.copyOf(notes);
    }
  }

  /** How a path differs. */
  public enum Kind {
    /** Rendered, but not in the folder. */
    MISSING,
    /** In the folder, but not rendered. */
    EXTRA,
    /** In both, with different content. */
    CHANGED
  }

  /** Every path that differs, in path order, and how many rendered files matched. */
  public record Report(List<FileDrift> drift, int unchanged) {
    public Report {
      drift = List.copyOf(drift);
    }

    public boolean drifted() {
      return !drift.isEmpty();
    }
  }

  /** Compares {@code dir} with the rendered artifacts (paths relative to {@code dir}). */
  public static Report compare(List<Artifact> rendered, Path dir) throws IOException {
    List<FileDrift> drift = new ArrayList<>();
    Set<String> expected = new TreeSet<>();
    int unchanged = 0;
    for (Artifact a : rendered) {
      expected.add(a.path());
      Path file = dir.resolve(a.path());
      if (!Files.isRegularFile(file)) {
        drift.add(new FileDrift(a.path(), Kind.MISSING, List.of("rendered from the spec but not in " + dir), ""));
        continue;
      }
      Optional<FileDrift> changed = compare(a, file);
      if (changed.isPresent()) {
        drift.add(changed.get());
      } else {
        unchanged++;
      }
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
        String rel = dir.relativize(f).toString().replace('\\', '/');
        if (!expected.contains(rel)) {
          drift.add(new FileDrift(rel, Kind.EXTRA, List.of("in " + dir + " but not rendered from the spec"), ""));
        }
      }
    }
    drift.sort(java.util.Comparator.comparing(FileDrift::path));
    return new Report(drift, unchanged);
  }

  static Optional<FileDrift> compare(Artifact a, Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    if (Arrays.equals(bytes, a.bytes())) {
      return Optional.empty();
    }
    List<String> notes = new ArrayList<>();
    Optional<String> decoded = strict(bytes, a.charset());
    if (decoded.isEmpty()) {
      Optional<SourceFile> other = LintInputs.decode(a.path(), bytes);
      if (other.isEmpty()) {
        return Optional.of(new FileDrift(a.path(), Kind.CHANGED,
            List.of("not text in " + a.charset().name() + " or any encoding clusterkit reads"), ""));
      }
      decoded = Optional.of(rawText(bytes, Charset.forName(other.get().form().charset().orElseThrow())));
    }
    String text = decoded.get();
    String expectedText = new String(a.bytes(), a.charset());
    boolean bom = text.startsWith("\uFEFF");
    if (bom != expectedText.startsWith("\uFEFF")) {
      notes.add(bom ? "starts with a byte order mark the spec does not render" : "lacks the byte order mark the spec renders");
    }
    List<String> rawLines = lines(bom ? text.substring(1) : text);
    LocalEdits.Result stripped = LocalEdits.strip(file.getFileName().toString(), rawLines);
    if (stripped.problem().isPresent()) {
      LocalEdits.Problem p = stripped.problem().get();
      return Optional.of(new FileDrift(a.path(), Kind.CHANGED, List.of("line " + p.line() + ": " + p.message()), ""));
    }
    LocalEdits.Kept kept = stripped.kept().orElseThrow();
    int wrongEnds = 0;
    int firstWrong = 0;
    List<String> actual = new ArrayList<>();
    for (int i = 0; i < kept.lines().size(); i++) {
      String line = kept.lines().get(i);
      boolean cr = line.endsWith("\r");
      boolean last = kept.numbers().get(i) == rawLines.size() && !text.endsWith("\n");
      if (!last && cr != (a.lineEnding() == LineEnding.CRLF)) {
        wrongEnds++;
        firstWrong = firstWrong == 0 ? kept.numbers().get(i) : firstWrong;
      }
      actual.add(cr ? line.substring(0, line.length() - 1) : line);
    }
    if (wrongEnds > 0) {
      notes.add(wrongEnds + " line" + (wrongEnds == 1 ? "" : "s") + " (first: line " + firstWrong + ") end in "
          + (a.lineEnding() == LineEnding.CRLF ? "LF" : "CRLF") + " where the spec renders " + a.lineEnding());
    }
    if (!a.charset().newEncoder().canEncode(String.join("\n", actual))) {
      notes.add("holds characters " + a.charset().name() + " cannot encode, outside local edits");
    } else if (strict(bytes, a.charset()).isEmpty()) {
      // Only the marked lines are in another encoding: still one file, and it must be one charset.
      notes.add("marked local edits are not " + a.charset().name() + ", the charset the spec renders");
    }
    List<String> wanted = lines(a.text());
    String diff;
    if (actual.size() > MAX_DIFF_LINES || wanted.size() > MAX_DIFF_LINES) {
      diff = "";
      if (!actual.equals(wanted)) {
        notes.add("the lines differ (too long to show a diff: over " + MAX_DIFF_LINES + " lines)");
      }
    } else {
      diff = UnifiedDiff.diff("rendered/" + a.path(), wanted, "deployed/" + a.path(), actual);
    }
    if (diff.isEmpty() && notes.isEmpty()) {
      // Only marked local edits differ.
      return Optional.empty();
    }
    return Optional.of(new FileDrift(a.path(), Kind.CHANGED, notes, diff));
  }

  /** Lines without their LF (a CR stays), a final newline adding no empty line. */
  static List<String> lines(String text) {
    if (text.isEmpty()) {
      return List.of();
    }
    String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    return List.of(body.split("\n", -1));
  }

  private static String rawText(byte[] bytes, Charset charset) {
    return new String(bytes, charset);
  }

  private static Optional<String> strict(byte[] bytes, Charset charset) {
    try {
      CharBuffer chars = charset.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return Optional.of(chars.toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }
}
