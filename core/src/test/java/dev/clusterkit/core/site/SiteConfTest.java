package dev.clusterkit.core.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SiteConfTest {

  @Test
  void defaultsAreTheGuides() {
    assertEquals(new SiteConf(180, 180, 10), SiteConf.DEFAULTS);
  }

  @Test
  void acceptsMinimaAndMaxima() {
    assertEquals(30, new SiteConf(30, 31, 1).bootTimeout());
    SiteConf max = new SiteConf(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE - 1);
    assertEquals(Integer.MAX_VALUE, max.stopTimeout());
  }

  @Test
  void refusesValuesBelowTheMinimumNamingTheKey() {
    assertEquals(
        "BOOT_TIMEOUT 29 is below its minimum of 30 seconds",
        assertThrows(IllegalArgumentException.class, () -> new SiteConf(29, 180, 10)).getMessage());
    assertEquals(
        "STOP_TIMEOUT -1 is below its minimum of 30 seconds",
        assertThrows(IllegalArgumentException.class, () -> new SiteConf(180, -1, 10)).getMessage());
    assertEquals(
        "FORCEKILL_TIME 0 is below its minimum of 1 seconds",
        assertThrows(IllegalArgumentException.class, () -> new SiteConf(180, 180, 0)).getMessage());
  }

  @Test
  void getReadsEachKey() {
    SiteConf conf = new SiteConf(200, 300, 5);
    assertEquals(200, conf.get(SiteConfKey.BOOT_TIMEOUT));
    assertEquals(300, conf.get(SiteConfKey.STOP_TIMEOUT));
    assertEquals(5, conf.get(SiteConfKey.FORCEKILL_TIME));
  }

  @Test
  void stopsCleanlyOnlyWhenStopTimeoutExceedsForceKillTime() {
    assertTrue(new SiteConf(200, 300, 5).stopsCleanly());
    assertTrue(new SiteConf(200, 31, 30).stopsCleanly());
    assertFalse(new SiteConf(200, 30, 30).stopsCleanly());
    assertFalse(new SiteConf(200, 30, 100).stopsCleanly());
  }

  @Test
  void writesOneLinePerKeyWithoutBlanks() {
    assertEquals("BOOT_TIMEOUT=200\nSTOP_TIMEOUT=300\nFORCEKILL_TIME=5\n", new SiteConf(200, 300, 5).write());
    assertEquals("BOOT_TIMEOUT=180\nSTOP_TIMEOUT=180\nFORCEKILL_TIME=10\n", SiteConf.DEFAULTS.write());
  }

  @Test
  void ofFillsDefaults() {
    assertEquals(new SiteConf(200, 180, 10), SiteConf.of(Map.of(SiteConfKey.BOOT_TIMEOUT, 200)));
    assertEquals(SiteConf.DEFAULTS, SiteConf.of(Map.of()));
  }
}
