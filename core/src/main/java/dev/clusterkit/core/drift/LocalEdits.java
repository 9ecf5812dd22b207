package dev.clusterkit.core.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lines a user marks as local edits, which {@code clusterkit diff} leaves out of the comparison:
 * everything from a {@code clusterkit:local-begin} comment to the next {@code
 * clusterkit:local-end} comment, both included, written in the comment syntax of the file's kind.
 * Marked lines can only add to what the spec renders; a rendered line that was changed or removed
 * is drift even inside a marked block.
 */
public final class LocalEdits {
  public static final String BEGIN = "clusterkit:local-begin";
  public static final String END = "clusterkit:local-end";

  private LocalEdits() {}

  /** The comment leaders a marker may follow in a file of this name. */
  public static List<String> leaders(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".bat") || name.endsWith(".cmd")) {
      return List.of("rem", "@rem", "::");
    }
    if (name.endsWith(".vbs")) {
      return List.of("'", "rem");
    }
    if (name.endsWith(".md")) {
      return List.of("<!--");
    }
    // Shell, ksh, Serviceguard ASCII and package files, PowerShell, YAML, site.conf, notes.
    return List.of("#");
  }

  /** The text's lines outside marked blocks, each with its 1-based line number in the file. */
  public record Kept(List<String> lines, List<Integer> numbers) {
    public Kept {
      lines = List.copyOf(lines);
      numbers = List.copyOf(numbers);
    }
  }

  /** A marker out of place: an end without a begin, a begin inside a block, a block never closed. */
  public record Problem(int line, String message) {}

  /** The lines outside marked blocks, or the first misplaced marker. */
  public static Result strip(String fileName, List<String> lines) {
    Pattern marker = marker(leaders(fileName));
    List<String> kept = new ArrayList<>();
    List<Integer> numbers = new ArrayList<>();
    int openedAt = 0;
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = marker.matcher(lines.get(i));
      if (m.matches()) {
        boolean begin = m.group(1).equalsIgnoreCase("begin");
        if (begin && openedAt > 0) {
          return new Result(Optional.empty(), Optional.of(new Problem(i + 1,
              BEGIN + " inside the block opened on line " + openedAt + "; blocks do not nest")));
        }
        if (!begin && openedAt == 0) {
          return new Result(Optional.empty(), Optional.of(new Problem(i + 1, END + " without a " + BEGIN + " before it")));
        }
        openedAt = begin ? i + 1 : 0;
        continue;
      }
      if (openedAt == 0) {
        kept.add(lines.get(i));
        numbers.add(i + 1);
      }
    }
    if (openedAt > 0) {
      return new Result(Optional.empty(), Optional.of(new Problem(openedAt, BEGIN + " is never closed with " + END)));
    }
    return new Result(Optional.of(new Kept(kept, numbers)), Optional.empty());
  }

  /** Either the kept lines or the problem. */
  public record Result(Optional<Kept> kept, Optional<Problem> problem) {}

  private static Pattern marker(List<String> leaders) {
    StringBuilder alternatives = new StringBuilder();
    for (String l : leaders) {
      alternatives.append(alternatives.length() == 0 ? "" : "|").append(Pattern.quote(l));
    }
    return Pattern.compile("(?is)\\s*(?:" + alternatives + ")\\s*clusterkit:local-(begin|end)\\b.*");
  }
}
