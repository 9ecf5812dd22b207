package dev.clusterkit.adapter.serviceguard;

import dev.clusterkit.core.lint.SourceFile;
import dev.clusterkit.core.lint.shell.ShellCommand;
import dev.clusterkit.core.lint.shell.ShellScript;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** How the JobCenter commands appear in Serviceguard scripts and service commands. */
final class JobCenterCalls {
  private static final Set<String> WRAPPERS = Set.of("exec", "nohup", "setsid", "nice");

  private JobCenterCalls() {}

  /** {@code exec cmd}, {@code nohup cmd} → {@code cmd}. */
  static ShellCommand unwrap(ShellCommand c) {
    List<String> words = c.words();
    int skip = 0;
    while (skip < words.size() - 1 && WRAPPERS.contains(words.get(skip))) {
      skip++;
    }
    return skip == 0 ? c : new ShellCommand(c.line(), c.column(), words.subList(skip, words.size()),
        c.background(), c.depth(), c.rawText());
  }

  static boolean isCjcpw(ShellCommand c) {
    return unwrap(c).baseName().equals("cjcpw");
  }

  static boolean isStop(ShellCommand c) {
    return isCjcpw(c) && unwrap(c).args().contains("-stop");
  }

  static boolean isUnwatchedStart(ShellCommand c) {
    return isCjcpw(c) && unwrap(c).args().contains("-c");
  }

  /** A cjcpw call that starts the site and stays in the foreground to watch it. */
  static boolean isWatchedStart(ShellCommand c) {
    return isCjcpw(c) && !isStop(c) && !isUnwatchedStart(c);
  }

  /** nqsportkpr in any letter case (the guide's 4.1.3 writes nqSPORTkpr). */
  static boolean isPortKeeperAnyCase(ShellCommand c) {
    return unwrap(c).baseName().equalsIgnoreCase("nqsportkpr");
  }

  static boolean isJobCenter(ShellCommand c) {
    return isCjcpw(c) || isPortKeeperAnyCase(c);
  }

  /** The first argument that is not an option: cjcpw's and nqsportkpr's site. */
  static Optional<String> site(ShellCommand c) {
    return siteArgs(c).stream().findFirst();
  }

  /** The arguments that are not options. */
  static List<String> siteArgs(ShellCommand c) {
    return unwrap(c).args().stream().filter(a -> !a.startsWith("-")).toList();
  }

  /** The commands of a one-line command text, such as service_cmd's value. */
  static List<ShellCommand> parseCommandText(String text) {
    return ShellScript.parse(new SourceFile("service_cmd", text)).commands();
  }

  /** A command as messages show it: its words, without a trailing comment. */
  static String shown(ShellCommand c) {
    return String.join(" ", c.words());
  }

  /** Host names (and sites) compare case-insensitively. */
  static boolean sameSite(String a, String b) {
    return a.equalsIgnoreCase(b);
  }
}
