package dev.clusterkit.core.site;

import java.util.Locale;
import java.util.Objects;

/** The IPv4 address that moves with the site between nodes (guide 2.2.2). */
public record RelocatableAddress(String value) {

  public RelocatableAddress {
    Objects.requireNonNull(value, "value");
    int[] octets = parse(value);
    if (octets[0] == 0) {
      throw new IllegalArgumentException(
          "relocatable address " + value + " is in 0.0.0.0/8, which no host can own");
    }
    if (octets[0] == 127) {
      throw new IllegalArgumentException(
          "relocatable address " + value + " is a loopback address, which other machines cannot reach");
    }
    if (octets[0] >= 224) {
      throw new IllegalArgumentException(
          "relocatable address " + value + " is a multicast or reserved address, not a host address");
    }
  }

  /** The four octets. */
  public int[] octets() {
    return parse(value);
  }

  /**
   * The name of the site database link under the spool directory: the address as eight
   * upper-case hex digits, e.g. 10.192.18.10 gives {@code 0AC0120A} (guide 2.5.3, 2.6.1).
   */
  public String linkName() {
    StringBuilder hex = new StringBuilder(8);
    for (int octet : octets()) {
      hex.append(String.format(Locale.ROOT, "%02X", octet));
    }
    return hex.toString();
  }

  @Override
  public String toString() {
    return value;
  }

  private static int[] parse(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      throw notDotted(text);
    }
    int[] octets = new int[4];
    for (int i = 0; i < 4; i++) {
      String p = parts[i];
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw notDotted(text);
      }
      if (p.length() > 1 && p.charAt(0) == '0') {
        throw new IllegalArgumentException(
            "relocatable address '" + text + "' has a leading zero, which some tools read as octal");
      }
      octets[i] = Integer.parseInt(p);
      if (octets[i] > 255) {
        throw notDotted(text);
      }
    }
    return octets;
  }

  private static IllegalArgumentException notDotted(String text) {
    return new IllegalArgumentException(
        "relocatable address '" + text + "' is not a dotted IPv4 address (four numbers 0-255)");
  }
}
