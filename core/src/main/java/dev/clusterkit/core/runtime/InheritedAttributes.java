package dev.clusterkit.core.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The attributes besides umask and limits that a daemon inherits from the process starting it:
 * supplementary groups, which of SIGHUP, SIGINT, SIGQUIT and SIGTERM are ignored (an ignored
 * signal stays ignored across exec), nice value and OOM score adjustment, read from {@code
 * /proc/PID/status}, {@code /proc/PID/stat} and {@code /proc/PID/oom_score_adj}.
 *
 * @param ignoredSignals the numbers of those four signals that are ignored
 */
record InheritedAttributes(Set<Long> groups, Set<Integer> ignoredSignals, long nice, long oomScoreAdj) {
  /** The signals whose disposition a cluster product's way of starting cjcpw may change. */
  private static final java.util.List<Integer> WATCHED_SIGNALS = java.util.List.of(1, 2, 3, 15);

  InheritedAttributes {
    // Sorted, so that messages name them in a stable order (Set.copyOf's order changes per JVM).
    groups = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(groups));
    ignoredSignals = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(ignoredSignals));
  }

  /** This process's; empty without {@code /proc}. */
  static Optional<InheritedAttributes> ofSelf() {
    try {
      Path self = Path.of("/proc/self");
      return parse(
          Files.readString(self.resolve("status")), Files.readString(self.resolve("stat")), Files.readString(self.resolve("oom_score_adj")));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The attributes in the three texts; empty when one does not read as the kernel writes it. */
  static Optional<InheritedAttributes> parse(String status, String stat, String oomScoreAdj) {
    Set<Long> groups = new TreeSet<>();
    Set<Integer> ignored = new TreeSet<>();
    boolean groupsSeen = false;
    boolean sigIgnSeen = false;
    for (String line : status.split("\n")) {
      if (line.startsWith("SigIgn:") && line.substring("SigIgn:".length()).strip().matches("[0-9a-fA-F]{1,16}")) {
        sigIgnSeen = true;
        long mask = Long.parseUnsignedLong(line.substring("SigIgn:".length()).strip(), 16);
        for (int signal : WATCHED_SIGNALS) {
          if ((mask & (1L << (signal - 1))) != 0) {
            ignored.add(signal);
          }
        }
      }
      if (line.startsWith("Groups:")) {
        groupsSeen = true;
        for (String g : line.substring("Groups:".length()).strip().split("\\s+")) {
          if (g.matches("[0-9]{1,10}")) {
            groups.add(Long.parseLong(g));
          }
        }
      }
    }
    // stat: "pid (comm) state ppid ...": the comm may hold anything, so count from its ')'.
    int close = stat.lastIndexOf(')');
    String[] fields = close < 0 ? new String[0] : stat.substring(close + 1).strip().split(" ");
    String oom = oomScoreAdj.strip();
    if (!groupsSeen || !sigIgnSeen || fields.length < 17 || !fields[16].matches("-?[0-9]{1,3}") || !oom.matches("-?[0-9]{1,4}")) {
      return Optional.empty();
    }
    return Optional.of(new InheritedAttributes(groups, ignored, Long.parseLong(fields[16]), Long.parseLong(oom)));
  }

  /** How {@code client}'s differ from these, the agent's; empty when they do not. */
  Optional<String> differenceFrom(InheritedAttributes client) {
    if (!groups.equals(client.groups)) {
      return Optional.of("supplementary groups " + client.groups + " here, " + groups + " in the agent");
    }
    if (!ignoredSignals.equals(client.ignoredSignals)) {
      return Optional.of("ignored signals " + client.ignoredSignals + " here, " + ignoredSignals + " in the agent");
    }
    if (nice != client.nice) {
      return Optional.of("nice " + client.nice + " here, " + nice + " in the agent");
    }
    if (oomScoreAdj != client.oomScoreAdj) {
      return Optional.of("oom_score_adj " + client.oomScoreAdj + " here, " + oomScoreAdj + " in the agent");
    }
    return Optional.empty();
  }
}
