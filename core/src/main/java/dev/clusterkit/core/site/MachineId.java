package dev.clusterkit.core.site;

/**
 * Identifies a site among the JobCenter machines that exchange jobs; the local site and each
 * cluster site need different IDs (guide 2.1.1, 2.3.3).
 */
public record MachineId(int value) {
  public MachineId {
    if (value <= 0) {
      throw new IllegalArgumentException(
          "machine ID " + value + " must be a positive integer (1 to 2147483647)");
    }
  }

  @Override
  public String toString() {
    return Integer.toString(value);
  }
}
