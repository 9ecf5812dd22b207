package dev.clusterkit.core.site;

/** The keys of site.conf with their defaults and ranges in seconds (guide 2.1.5, table 2.1). */
public enum SiteConfKey {
  BOOT_TIMEOUT(180, 30),
  STOP_TIMEOUT(180, 30),
  FORCEKILL_TIME(10, 1);

  /** Every key's maximum is the largest int (guide 2.1.5). */
  public static final int MAXIMUM = Integer.MAX_VALUE;

  private final int defaultValue;
  private final int minimum;

  SiteConfKey(int defaultValue, int minimum) {
    this.defaultValue = defaultValue;
    this.minimum = minimum;
  }

  public int defaultValue() {
    return defaultValue;
  }

  public int minimum() {
    return minimum;
  }

  public int maximum() {
    return MAXIMUM;
  }

  /**
   * The value JobCenter uses for a raw setting: a number in range as given, anything else (a
   * negative number, text, a number too large for an int) rounded to the nearest bound. The guide
   * says invalid values are "rounded to the minimum"; we apply the maximum only to numbers that
   * overflow an int, which JobCenter cannot hold either.
   */
  public Clamped clamp(String raw) {
    if (raw.matches("[0-9]+")) {
      long parsed;
      try {
        parsed = Long.parseLong(raw);
      } catch (NumberFormatException tooLong) {
        return new Clamped(MAXIMUM, true);
      }
      if (parsed > MAXIMUM) {
        return new Clamped(MAXIMUM, true);
      }
      if (parsed < minimum) {
        return new Clamped(minimum, true);
      }
      return new Clamped((int) parsed, false);
    }
    return new Clamped(minimum, true);
  }

  /** A value after clamping, and whether clamping changed it. */
  public record Clamped(int value, boolean adjusted) {}
}
