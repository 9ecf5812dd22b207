package dev.clusterkit.core.doctor;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Reads the listening sockets out of Linux's {@code /proc/net/tcp} and {@code /proc/net/tcp6}. */
final class ProcNetTcp {
  private static final String LISTEN = "0A";

  private ProcNetTcp() {}

  /** A listening socket and the inode that ties it to a process's file descriptor. */
  record Socket(String address, int port, long inode) {}

  /**
   * The LISTEN sockets of one of the files: {@code sl local_address rem_address st ... inode},
   * addresses as hex words in host byte order, {@code ADDR:PORT}.
   *
   * @throws IllegalArgumentException naming the line that does not have this form
   */
  static List<Socket> parse(String text, String source) {
    List<Socket> sockets = new ArrayList<>();
    String[] lines = text.split("\n");
    for (int i = 1; i < lines.length; i++) { // line 1 is the header
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] f = line.split("\\s+");
      if (f.length < 10 || !f[1].matches("([0-9A-Fa-f]{8}|[0-9A-Fa-f]{32}):[0-9A-Fa-f]{4}") || !f[9].matches("[0-9]+")) {
        throw new IllegalArgumentException(source + ":" + (i + 1) + ": '" + line + "' is not a socket line");
      }
      if (!f[3].equalsIgnoreCase(LISTEN)) {
        continue;
      }
      String[] local = f[1].split(":");
      sockets.add(new Socket(address(local[0]), Integer.parseInt(local[1], 16), Long.parseLong(f[9])));
    }
    return sockets;
  }

  /** A hex address of the kernel's (32-bit words, each in little-endian order) as text. */
  static String address(String hex) {
    byte[] words = HexFormat.of().parseHex(hex);
    byte[] bytes = new byte[words.length];
    for (int w = 0; w < words.length; w += 4) {
      for (int b = 0; b < 4; b++) {
        bytes[w + b] = words[w + 3 - b];
      }
    }
    boolean mapped = bytes.length == 16 && allZero(bytes, 0, 10) && (bytes[10] & 0xFF) == 0xFF && (bytes[11] & 0xFF) == 0xFF;
    if (mapped) {
      bytes = java.util.Arrays.copyOfRange(bytes, 12, 16);
    } else if (bytes.length == 16 && allZero(bytes, 0, 16)) {
      return "::";
    }
    try {
      return InetAddress.getByAddress(bytes).getHostAddress();
    } catch (UnknownHostException e) {
      throw new IllegalStateException("4 or 16 bytes always make an address", e);
    }
  }

  private static boolean allZero(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return true;
  }
}
