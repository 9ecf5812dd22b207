package dev.clusterkit.core.runtime;

import dev.clusterkit.core.lint.SourceFile;
import dev.clusterkit.core.lint.shell.ShellCommand;
import dev.clusterkit.core.lint.shell.ShellScript;
import java.io.File;
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

  /**
   * The launch of a shim's text; empty when the text is not a clusterkit shim, or one edited
   * beyond what can be read without running it (a variable, a quote left open).
   */
  public static Optional<ShimLaunch> read(String text) {
    String[] lines = text.split("\n", 3);
    if (lines.length < 3 || !lines[0].equals("#!/bin/sh") || !lines[1].endsWith(ShimInstaller.MARK)) {
      return Optional.empty();
    }
    ShellScript script = ShellScript.parse(new SourceFile("shim", text));
    // The JVM's exec is the last command; a launcher routed through the runtime agent execs its
    // client before it, under a condition.
    List<ShellCommand> commands = script.commands();
    if (!script.problems().isEmpty() || commands.isEmpty() || !commands.get(commands.size() - 1).name().equals("exec")) {
      return Optional.empty();
    }
    List<String> w = commands.get(commands.size() - 1).words();
    int cp = w.indexOf("-cp");
    if (cp < 2 || cp + 3 >= w.size() || !w.get(cp + 2).equals(JobCenterCommands.class.getName())
        || w.subList(0, w.size() - 1).stream().anyMatch(word -> word.contains("$"))) {
      return Optional.empty();
    }
    List<String> options = w.subList(2, cp);
    Optional<String> archive =
        options.stream().filter(o -> o.startsWith(ARCHIVE_OPTION)).map(o -> o.substring(ARCHIVE_OPTION.length())).findFirst();
    return Optional.of(new ShimLaunch(w.get(1), options, List.of(w.get(cp + 1).split(File.pathSeparator)), archive));
  }
}
