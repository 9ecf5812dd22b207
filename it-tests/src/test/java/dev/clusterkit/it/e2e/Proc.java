package dev.clusterkit.it.e2e;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** What /proc says about processes and sockets: who a process is, and who listens on a port. */
final class Proc {
  private static final Path PROC = Path.of("/proc");

  private Proc() {}

  /** The environment a process started with; empty when it is gone or not ours to read. */
  static Map<String, String> environment(long pid) {
    Map<String, String> env = new HashMap<>();
    try {
      byte[] bytes = Files.readAllBytes(PROC.resolve(Long.toString(pid)).resolve("environ"));
      for (String entry : new String(bytes, StandardCharsets.UTF_8).split("\0")) {
        int eq = entry.indexOf('=');
        if (eq > 0) {
          env.put(entry.substring(0, eq), entry.substring(eq + 1));
        }
      }
    } catch (IOException | SecurityException gone) {
      // Gone, or another user's.
    }
    return env;
  }

  /** The command line of a process, words split; empty when it is gone. */
  static List<String> commandLine(long pid) {
    try {
      byte[] bytes = Files.readAllBytes(PROC.resolve(Long.toString(pid)).resolve("cmdline"));
      return bytes.length == 0 ? List.of() : List.of(new String(bytes, StandardCharsets.UTF_8).split("\0"));
    } catch (IOException gone) {
      return List.of();
    }
  }

  /** Live processes whose environment has {@code name=value}, zombies left out. */
  static List<Long> withEnvironment(String name, String value) {
    List<Long> found = new ArrayList<>();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(PROC, "[0-9]*")) {
      for (Path dir : dirs) {
        long pid = Long.parseLong(dir.getFileName().toString());
        if (pid != ProcessHandle.current().pid()
            && value.equals(environment(pid).get(name))
            && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)
            && !zombie(pid)) {
          found.add(pid);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot list /proc: " + e.getMessage(), e);
    }
    return found;
  }

  static boolean zombie(long pid) {
    try {
      String stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"));
      String state = stat.substring(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
      return state.equals("Z") || state.equals("X");
    } catch (IOException | StringIndexOutOfBoundsException gone) {
      return true;
    }
  }

  /** The process listening on TCP {@code address:port}, if any process we can see does. */
  static Optional<Long> listener(String address, int port) {
    Optional<String> inode = listeningInode(address, port);
    if (inode.isEmpty()) {
      return Optional.empty();
    }
    String link = "socket:[" + inode.get() + "]";
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(PROC, "[0-9]*")) {
      for (Path dir : dirs) {
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(dir.resolve("fd"))) {
          for (Path fd : fds) {
            try {
              if (Files.readSymbolicLink(fd).toString().equals(link)) {
                return Optional.of(Long.parseLong(dir.getFileName().toString()));
              }
            } catch (IOException closed) {
              // The descriptor went away while we looked.
            }
          }
        } catch (IOException | SecurityException notOurs) {
          // Another user's process, or gone.
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot list /proc: " + e.getMessage(), e);
    }
    return Optional.empty();
  }

  /**
   * The inode of the LISTEN socket on {@code address:port} in /proc/net/tcp, or in tcp6 as an
   * IPv4-mapped address (Java listens on IPv6 sockets unless told otherwise).
   */
  private static Optional<String> listeningInode(String address, int port) {
    try {
      byte[] a = InetAddress.getByName(address).getAddress();
      // The kernel writes each 32-bit word of the address in host (little-endian) order.
      String v4 = String.format(Locale.ROOT, "%02X%02X%02X%02X", a[3] & 0xFF, a[2] & 0xFF, a[1] & 0xFF, a[0] & 0xFF);
      String suffix = String.format(Locale.ROOT, ":%04X", port);
      for (String[] table : List.of(new String[] {"net/tcp", v4}, new String[] {"net/tcp6", "0000000000000000FFFF0000" + v4})) {
        for (String line : Files.readAllLines(PROC.resolve(table[0]))) {
          String[] f = line.strip().split("\\s+");
          if (f.length > 9 && f[1].equals(table[1] + suffix) && f[3].equals("0A")) {
            return Optional.of(f[9]);
          }
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read /proc/net/tcp: " + e.getMessage(), e);
    }
  }
}
