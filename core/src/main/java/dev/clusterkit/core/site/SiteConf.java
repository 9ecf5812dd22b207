package dev.clusterkit.core.site;

import java.util.EnumMap;
import java.util.Map;

/**
 * Start and stop timing of a site, as site.conf sets it (guide 2.1.5): how long starting may take,
 * how long stopping may take in all, and how much of that the forced kill gets.
 */
public record SiteConf(int bootTimeout, int stopTimeout, int forceKillTime) {

  /** The values JobCenter uses when there is no site.conf. */
  public static final SiteConf DEFAULTS =
      new SiteConf(
          SiteConfKey.BOOT_TIMEOUT.defaultValue(),
          SiteConfKey.STOP_TIMEOUT.defaultValue(),
          SiteConfKey.FORCEKILL_TIME.defaultValue());

  public SiteConf {
    check(SiteConfKey.BOOT_TIMEOUT, bootTimeout);
    check(SiteConfKey.STOP_TIMEOUT, stopTimeout);
    check(SiteConfKey.FORCEKILL_TIME, forceKillTime);
  }

  private static void check(SiteConfKey key, int value) {
    if (value < key.minimum()) {
      throw new IllegalArgumentException(
          key + " " + value + " is below its minimum of " + key.minimum() + " seconds");
    }
  }

  public int get(SiteConfKey key) {
    return switch (key) {
      case BOOT_TIMEOUT -> bootTimeout;
      case STOP_TIMEOUT -> stopTimeout;
      case FORCEKILL_TIME -> forceKillTime;
    };
  }

  /** Whether a stop can end cleanly: STOP_TIMEOUT must exceed FORCEKILL_TIME (guide 2.1.5). */
  public boolean stopsCleanly() {
    return stopTimeout > forceKillTime;
  }

  /** The file's text: one {@code KEY=value} line per key, LF line ends. */
  public String write() {
    StringBuilder s = new StringBuilder();
    for (SiteConfKey key : SiteConfKey.values()) {
      s.append(key.name()).append('=').append(get(key)).append('\n');
    }
    return s.toString();
  }

  static SiteConf of(Map<SiteConfKey, Integer> values) {
    Map<SiteConfKey, Integer> all = new EnumMap<>(SiteConfKey.class);
    for (SiteConfKey key : SiteConfKey.values()) {
      all.put(key, values.getOrDefault(key, key.defaultValue()));
    }
    return new SiteConf(
        all.get(SiteConfKey.BOOT_TIMEOUT),
        all.get(SiteConfKey.STOP_TIMEOUT),
        all.get(SiteConfKey.FORCEKILL_TIME));
  }
}
