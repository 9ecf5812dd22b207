package dev.clusterkit.core.doctor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The mounts of this process's mount namespace. */
public interface MountTable {

  /** The mounts in the kernel's order (later ones stack over earlier ones). */
  List<Mount> mounts() throws IOException, NotSupportedException;

  /**
   * The mount a path lies on: the one with the longest mount point that contains it, the last
   * one of those when several are stacked on the same point.
   *
   * @param realPath an absolute path without symbolic links
   */
  static Optional<Mount> containing(List<Mount> mounts, String realPath) {
    Mount best = null;
    for (Mount m : mounts) {
      if (contains(m.mountPoint(), realPath)
          && (best == null || m.mountPoint().length() >= best.mountPoint().length())) {
        best = m;
      }
    }
    return Optional.ofNullable(best);
  }

  private static boolean contains(String mountPoint, String path) {
    if (mountPoint.equals("/")) {
      return path.startsWith("/");
    }
    return path.equals(mountPoint) || path.startsWith(mountPoint + "/");
  }

  /**
   * Parses {@code /proc/self/mountinfo} (proc(5)): {@code ID PARENT MAJ:MIN ROOT MOUNTPOINT
   * OPTIONS [OPTIONAL...] - TYPE SOURCE SUPEROPTIONS}, with blanks, tabs, newlines and backslashes
   * in paths written as octal escapes.
   *
   * @throws IllegalArgumentException naming the line that does not have this form
   */
  static List<Mount> parseMountInfo(String text, String source) {
    List<Mount> mounts = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] f = line.split(" ");
      int dash = -1;
      for (int j = 6; j < f.length; j++) {
        if (f[j].equals("-")) {
          dash = j;
          break;
        }
      }
      if (dash < 0 || dash + 2 >= f.length) {
        throw new IllegalArgumentException(
            source + ":" + (i + 1) + ": '" + line + "' is not a mountinfo line (ID PARENT MAJ:MIN ROOT MOUNTPOINT OPTIONS ... - TYPE SOURCE OPTIONS)");
      }
      List<String> options = new ArrayList<>(List.of(f[5].split(",")));
      if (dash + 3 < f.length) {
        options.addAll(List.of(f[dash + 3].split(",")));
      }
      mounts.add(new Mount(unescape(f[4]), unescape(f[dash + 2]), f[dash + 1], options));
    }
    return mounts;
  }

  private static String unescape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 3 < s.length() && s.substring(i + 1, i + 4).matches("[0-7]{3}")) {
        out.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
