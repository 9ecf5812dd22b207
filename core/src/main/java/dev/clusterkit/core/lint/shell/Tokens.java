package dev.clusterkit.core.lint.shell;

import java.util.ArrayList;
import java.util.List;

/** Splits one logical shell line into simple commands and words, honouring quotes and comments. */
final class Tokens {
  private Tokens() {}

  /** One simple command's words; {@code column} is 1-based. */
  record Segment(List<String> words, int column, boolean background, String raw) {}

  static List<Segment> split(String line) {
    List<Segment> segments = new ArrayList<>();
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    int segmentStart = -1;
    int i = 0;
    int n = line.length();
    while (i < n) {
      char c = line.charAt(i);
      if (!inWord && c == '#') {
        break;
      }
      if (c == ' ' || c == '\t') {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
        i++;
        continue;
      }
      if (c == '&' && inWord && i > 0 && (line.charAt(i - 1) == '>' || line.charAt(i - 1) == '<')) {
        // A redirection such as 2>&1 or <&3, not a background job.
        word.append(c);
        i++;
        continue;
      }
      if (c == ';' || c == '&' || c == '|') {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
        boolean doubled = i + 1 < n && line.charAt(i + 1) == c;
        boolean background = c == '&' && !doubled;
        // "a|b)" inside a case pattern is one word: keep | joined when no blank around it.
        if (c == '|' && !doubled && !words.isEmpty() && i > 0 && line.charAt(i - 1) != ' '
            && i + 1 < n && line.charAt(i + 1) != ' ' && looksLikePattern(line, i)) {
          word.append(words.remove(words.size() - 1)).append('|');
          inWord = true;
          i++;
          continue;
        }
        add(segments, words, segmentStart, background, line, i);
        words = new ArrayList<>();
        segmentStart = -1;
        if (c == ';' && doubled) {
          segments.add(new Segment(List.of(";;"), i + 1, false, ";;"));
        }
        i += doubled ? 2 : 1;
        continue;
      }
      if (!inWord) {
        inWord = true;
        if (segmentStart < 0) {
          segmentStart = i;
        }
      }
      if (c == '\'') {
        int end = line.indexOf('\'', i + 1);
        end = end < 0 ? n : end;
        word.append(line, i + 1, end);
        i = end + 1;
      } else if (c == '"') {
        i++;
        while (i < n && line.charAt(i) != '"') {
          if (line.charAt(i) == '\\' && i + 1 < n) {
            i++;
          }
          word.append(line.charAt(i));
          i++;
        }
        i++;
      } else if (c == '\\' && i + 1 < n) {
        word.append(line.charAt(i + 1));
        i += 2;
      } else if (c == '$' && i + 1 < n && (line.charAt(i + 1) == '(' || line.charAt(i + 1) == '{')) {
        int end = matching(line, i + 1);
        word.append(line, i, end);
        i = end;
      } else if (c == '`') {
        int end = line.indexOf('`', i + 1);
        end = end < 0 ? n : end + 1;
        word.append(line, i, end);
        i = end;
      } else {
        word.append(c);
        i++;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    add(segments, words, segmentStart, false, line, n);
    return segments;
  }

  private static boolean looksLikePattern(String line, int bar) {
    int close = line.indexOf(')', bar);
    int space = line.indexOf(' ', bar);
    return close > 0 && (space < 0 || close < space);
  }

  private static void add(List<Segment> segments, List<String> words, int start, boolean background, String line, int end) {
    if (!words.isEmpty()) {
      segments.add(new Segment(List.copyOf(words), start + 1, background, line.substring(start, end).strip()));
    }
  }

  private static int matching(String line, int open) {
    char o = line.charAt(open);
    char c = o == '(' ? ')' : '}';
    int depth = 0;
    for (int i = open; i < line.length(); i++) {
      if (line.charAt(i) == o) {
        depth++;
      } else if (line.charAt(i) == c && --depth == 0) {
        return i + 1;
      }
    }
    return line.length();
  }
}
