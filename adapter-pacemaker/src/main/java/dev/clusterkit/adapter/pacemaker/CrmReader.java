package dev.clusterkit.adapter.pacemaker;

import dev.clusterkit.core.lint.Location;
import dev.clusterkit.core.lint.SourceFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a crm configure file ({@code crm configure load update FILE}): {@code primitive}, {@code
 * group}, {@code colocation} and {@code op_defaults} statements, a backslash joining lines.
 */
final class CrmReader {
  private static final Pattern PRIMITIVE = Pattern.compile("(?m)^\\s*primitive\\s+\\S+\\s+\\S+");

  private CrmReader() {}

  static boolean recognizes(SourceFile file) {
    if (file.fileName().endsWith(".crm")) {
      return true;
    }
    return !file.text().startsWith("#!") && !file.fileName().endsWith(".xml") && PRIMITIVE.matcher(file.text()).find();
  }

  static ClusterConfig read(SourceFile file) {
    ClusterConfig.Builder b = new ClusterConfig.Builder(file.path());
    List<String> lines = file.lines();
    for (int i = 0; i < lines.size(); i++) {
      int lineNo = i + 1;
      StringBuilder logical = new StringBuilder(lines.get(i));
      while (logical.length() > 0 && logical.charAt(logical.length() - 1) == '\\' && i + 1 < lines.size()) {
        logical.setLength(logical.length() - 1);
        logical.append(' ').append(lines.get(++i));
      }
      Location at = file.at(lineNo, 1);
      List<String> w;
      try {
        w = words(logical.toString());
      } catch (IllegalArgumentException e) {
        b.problems.add(new ClusterConfig.Problem(at, e.getMessage()));
        continue;
      }
      if (w.isEmpty()) {
        continue;
      }
      switch (w.get(0)) {
        case "primitive" -> primitive(b, w, at);
        case "group" -> {
          for (String member : w.subList(Math.min(2, w.size()), w.size())) {
            if (member.equals("meta") || member.equals("params") || member.equals("description")) {
              break;
            }
            b.addToGroup(w.get(1), member, at);
          }
        }
        case "colocation", "collocation" -> colocation(b, w, at);
        case "op_defaults" -> {
          for (String word : w) {
            if (word.startsWith("timeout=")) {
              b.defaultTimeout = Optional.of(word.substring("timeout=".length()));
            }
          }
        }
        default -> {
          // order, location, property and other statements do not matter to the rules
        }
      }
    }
    return b.build();
  }

  /** {@code primitive ID AGENT [params k=v...] [meta k=v...] [op NAME k=v...]...}. */
  private static void primitive(ClusterConfig.Builder b, List<String> w, Location at) {
    if (w.size() < 3) {
      b.problems.add(new ClusterConfig.Problem(at, "'" + String.join(" ", w) + "' is not 'primitive ID AGENT ...'"));
      return;
    }
    Map<String, String> params = new LinkedHashMap<>();
    List<ClusterConfig.Op> ops = new ArrayList<>();
    String section = "";
    String opName = null;
    List<String> opWords = new ArrayList<>();
    for (String word : w.subList(3, w.size())) {
      if (word.equals("params") || word.equals("meta") || word.equals("utilization") || word.equals("op")) {
        if (opName != null) {
          ops.add(PcsReader.op(opName, opWords, at));
          opName = null;
          opWords = new ArrayList<>();
        }
        section = word;
        continue;
      }
      if (section.equals("params")) {
        int eq = word.indexOf('=');
        if (eq > 0) {
          params.put(word.substring(0, eq), word.substring(eq + 1));
        }
      } else if (section.equals("op")) {
        if (opName == null) {
          opName = word;
        } else {
          opWords.add(word);
        }
      }
    }
    if (opName != null) {
      ops.add(PcsReader.op(opName, opWords, at));
    }
    b.primitives.add(new ClusterConfig.Primitive(w.get(1), w.get(2), params, ops, at));
  }

  /** {@code colocation ID SCORE: A B [C ...]}; a role suffix ({@code A:Started}) is dropped. */
  private static void colocation(ClusterConfig.Builder b, List<String> w, Location at) {
    if (w.size() < 4 || !w.get(2).endsWith(":")) {
      b.problems.add(new ClusterConfig.Problem(at, "'" + String.join(" ", w) + "' is not 'colocation ID SCORE: A B'"));
      return;
    }
    String score = w.get(2).substring(0, w.get(2).length() - 1);
    List<String> resources = new ArrayList<>();
    for (String r : w.subList(3, w.size())) {
      String name = r.replace("(", "").replace(")", "").replace("[", "").replace("]", "");
      if (name.isEmpty() || name.contains("=")) {
        continue;
      }
      resources.add(name.contains(":") ? name.substring(0, name.indexOf(':')) : name);
    }
    b.colocations.add(new ClusterConfig.Colocation(resources, score, at));
  }

  /** Whitespace-separated words, double quotes grouping; a {@code #} starting a word ends the line. */
  static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '#' && !inWord) {
        break;
      }
      if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
        continue;
      }
      inWord = true;
      if (c == '"') {
        int end = i + 1;
        while (end < line.length() && line.charAt(end) != '"') {
          if (line.charAt(end) == '\\' && end + 1 < line.length()) {
            end++;
          }
          word.append(line.charAt(end));
          end++;
        }
        if (end >= line.length()) {
          throw new IllegalArgumentException("a double quote opened in column " + (i + 1) + " is never closed");
        }
        i = end;
      } else {
        word.append(c);
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }
}
