package dev.clusterkit.core.runtime;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a shim written by {@link ShimInstaller} runs, read back from its text: so that checks of an
 * installed runtime ({@code clusterkit doctor}) see the java, jars and class archive the cluster
 * product's next {@code cjcpw} will use.
 *
 * @param options the JVM options before {@code -cp}, the class archive's included
 * @param classArchive the archive named by {@code -XX:SharedArchiveFile}, if any
 */
public record ShimLaunch(String java, List<String> options, List<String> classPath, Optional<String> classArchive) {
  private static final String ARCHIVE_OPTION = "-XX:SharedArchiveFile=";

  public ShimLaunch {
    Objects.requireNonNull(java, "java");
    options = List.copyOf(options);
    classPath = List.copyOf(classPath);
    Objects.requireNonNull(classArchive, "classArchive");
  }

  /** The launch of a shim's text; empty when the text is not a clusterkit shim. */
  public static Optional<ShimLaunch> read(String text) {
    String[] lines = text.split("\n", -1);
    if (lines.length < 3 || !lines[0].equals("#!/bin/sh") || !lines[1].endsWith(ShimInstaller.MARK)) {
      return Optional.empty();
    }
    Optional<List<String>> words = words(lines[2]);
    if (words.isEmpty()) {
      return Optional.empty();
    }
    List<String> w = words.get();
    int cp = w.indexOf("-cp");
    if (w.size() < 4 || !w.get(0).equals("exec") || cp < 2 || cp + 2 >= w.size()
        || !w.get(cp + 2).equals(JobCenterCommands.class.getName())) {
      return Optional.empty();
    }
    List<String> options = w.subList(2, cp);
    Optional<String> archive =
        options.stream().filter(o -> o.startsWith(ARCHIVE_OPTION)).map(o -> o.substring(ARCHIVE_OPTION.length())).findFirst();
    return Optional.of(new ShimLaunch(w.get(1), options, List.of(w.get(cp + 1).split(File.pathSeparator)), archive));
  }

  /**
   * The words of one line as sh splits them, for the quoting {@link ShimInstaller#quote} writes
   * ('...' and \' outside quotes); empty for anything else (an edited shim).
   */
  static Optional<List<String>> words(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == ' ') {
        if (word != null) {
          words.add(word.toString());
          word = null;
        }
        continue;
      }
      if (word == null) {
        word = new StringBuilder();
      }
      if (c == '\'') {
        int end = line.indexOf('\'', i + 1);
        if (end < 0) {
          return Optional.empty();
        }
        word.append(line, i + 1, end);
        i = end;
      } else if (c == '\\' && i + 1 < line.length()) {
        word.append(line.charAt(++i));
      } else if (c == '"' && line.startsWith("\"$@\"", i)) {
        word.append("$@");
        i += 3;
      } else if (Character.isLetterOrDigit(c) || "-._/=:+,@%".indexOf(c) >= 0) {
        word.append(c);
      } else {
        return Optional.empty();
      }
    }
    if (word != null) {
      words.add(word.toString());
    }
    return Optional.of(words);
  }
}
