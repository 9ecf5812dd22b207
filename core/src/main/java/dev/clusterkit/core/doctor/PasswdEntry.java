package dev.clusterkit.core.doctor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** One user of a passwd(5) file or {@code getent passwd} dump: name and numeric IDs. */
public record PasswdEntry(String name, long uid, long gid) {
  public PasswdEntry {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("user name must not be empty");
    }
    if (uid < 0 || gid < 0) {
      throw new IllegalArgumentException("user " + name + ": IDs must not be negative");
    }
  }

  /**
   * Parses passwd(5) text ({@code name:password:UID:GID:...}), as {@code /etc/passwd} or {@code
   * getent passwd} print it. Blank lines, {@code #} comments and NIS {@code +}/{@code -} lines are
   * skipped; when a name comes twice the first one counts, as NSS takes it.
   *
   * @param source names the text in messages
   * @throws IllegalArgumentException naming {@code source:line} and what is wrong
   */
  public static List<PasswdEntry> parse(String text, String source) {
    List<PasswdEntry> entries = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    String[] lines = text.split("\\R", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank() || line.startsWith("#") || line.startsWith("+") || line.startsWith("-")) {
        continue;
      }
      String[] f = line.split(":", -1);
      String where = source + ":" + (i + 1) + ": ";
      if (f.length < 4 || f[0].isEmpty()) {
        throw new IllegalArgumentException(
            where + "'" + line + "' is not a passwd line (name:password:UID:GID:comment:home:shell)");
      }
      long uid = number(f[2], where + "user " + f[0] + " has UID");
      long gid = number(f[3], where + "user " + f[0] + " has GID");
      if (seen.add(f[0])) {
        entries.add(new PasswdEntry(f[0], uid, gid));
      }
    }
    return entries;
  }

  private static long number(String value, String what) {
    if (!value.matches("[0-9]{1,10}")) {
      throw new IllegalArgumentException(what + " '" + value + "', which is not a number from 0 to 4294967295");
    }
    long n = Long.parseLong(value);
    if (n > 4294967295L) {
      throw new IllegalArgumentException(what + " " + value + ", above 4294967295");
    }
    return n;
  }
}
