package dev.clusterkit.core.lint.shell;

import java.util.List;

/**
 * One simple command of a shell script, as the linters need it.
 *
 * @param line 1-based line where the command starts
 * @param column 1-based column of its first word
 * @param words the words with quotes removed (no expansion); assignments before the command
 *     name are dropped
 * @param background whether it ends with {@code &}
 * @param depth how many if/case/loop/function bodies enclose it (0 = runs on every path)
 * @param rawText the command as written, for messages
 */
public record ShellCommand(
    int line, int column, List<String> words, boolean background, int depth, String rawText) {

  public ShellCommand {
    words = List.copyOf(words);
  }

  /** The command name, or "" for a bare assignment. */
  public String name() {
    return words.isEmpty() ? "" : words.get(0);
  }

  /** The command name without its folder. */
  public String baseName() {
    String n = name();
    return n.substring(n.lastIndexOf('/') + 1);
  }

  /** The words after the command name. */
  public List<String> args() {
    return words.isEmpty() ? List.of() : words.subList(1, words.size());
  }

  /** Whether it runs unconditionally, outside every if, case, loop and function. */
  public boolean onEveryPath() {
    return depth == 0;
  }
}
