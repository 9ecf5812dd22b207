package dev.clusterkit.core.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A process's resource limits as {@code /proc/PID/limits} shows them: resource name to {soft,
 * hard}, each a number or "unlimited". The runtime agent compares its client's with its own, since
 * daemons inherit the limits of the process that starts them.
 */
record ProcessLimits(Map<String, Limit> limits) {
  /** The one limit a JVM changes about itself: it raises the soft open-files limit to the hard one. */
  static final String OPEN_FILES = "Max open files";

  record Limit(String soft, String hard) {}

  ProcessLimits {
    // The table's order, so that the first difference named is the same in every JVM.
    limits = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(limits));
  }

  /** This process's limits; empty without {@code /proc}. */
  static Optional<ProcessLimits> ofSelf() {
    try {
      return Optional.of(parse(Files.readString(Path.of("/proc/self/limits"))));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Reads the table: a header line, then one line a resource, "Max stack size  8388608  unlimited
   * bytes". The name may hold single spaces; columns are parted by two or more.
   */
  static ProcessLimits parse(String text) {
    Map<String, Limit> m = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      String[] columns = line.strip().split(" {2,}");
      if (columns.length >= 3 && columns[0].startsWith("Max ")) {
        m.put(columns[0], new Limit(columns[1], columns[2]));
      }
    }
    return new ProcessLimits(m);
  }

  /**
   * The first resource whose limits differ between this process, a JVM, and a {@code client} that
   * would start such a JVM: what a daemon would inherit from either. Open files are compared by the
   * hard limit alone, since the JVM lifts its soft limit to it.
   */
  Optional<String> differenceFrom(ProcessLimits client) {
    if (!limits.keySet().equals(client.limits.keySet())) {
      return Optional.of("the two /proc limits tables name different resources");
    }
    for (Map.Entry<String, Limit> e : limits.entrySet()) {
      Limit mine = e.getValue();
      Limit theirs = client.limits.get(e.getKey());
      boolean same =
          e.getKey().equals(OPEN_FILES) ? mine.hard().equals(theirs.hard()) : mine.equals(theirs);
      if (!same) {
        return Optional.of(
            e.getKey().toLowerCase(java.util.Locale.ROOT) + ": " + theirs.soft() + "/" + theirs.hard()
                + " here, " + mine.soft() + "/" + mine.hard() + " in the agent");
      }
    }
    return Optional.empty();
  }
}
