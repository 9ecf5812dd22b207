package dev.clusterkit.core.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Table 2.1 of the guide. */
class SiteConfKeyTest {

  @Test
  void defaultsMinimaAndMaximaOfTable21() {
    assertEquals(List.of(180, 180, 10), List.of(SiteConfKey.values()).stream().map(SiteConfKey::defaultValue).toList());
    assertEquals(List.of(30, 30, 1), List.of(SiteConfKey.values()).stream().map(SiteConfKey::minimum).toList());
    for (SiteConfKey key : SiteConfKey.values()) {
      assertEquals(2147483647, key.maximum(), key.name());
    }
    assertEquals(
        List.of("BOOT_TIMEOUT", "STOP_TIMEOUT", "FORCEKILL_TIME"),
        List.of(SiteConfKey.values()).stream().map(Enum::name).toList());
  }

  @ParameterizedTest
  @CsvSource({
    // in range: as given
    "BOOT_TIMEOUT, 200, 200, false",
    "BOOT_TIMEOUT, 30, 30, false",
    "FORCEKILL_TIME, 1, 1, false",
    "STOP_TIMEOUT, 2147483647, 2147483647, false",
    // negative and non-numeric: the minimum (guide 2.1.5)
    "BOOT_TIMEOUT, -5, 30, true",
    "STOP_TIMEOUT, -2147483648, 30, true",
    "FORCEKILL_TIME, -1, 1, true",
    "BOOT_TIMEOUT, abc, 30, true",
    "BOOT_TIMEOUT, 20s, 30, true",
    "BOOT_TIMEOUT, 1.5, 30, true",
    "FORCEKILL_TIME, '', 1, true",
    "BOOT_TIMEOUT, +200, 30, true",
    // below the minimum: the minimum
    "BOOT_TIMEOUT, 29, 30, true",
    "FORCEKILL_TIME, 0, 1, true",
    "STOP_TIMEOUT, 0, 30, true",
    // above the int range: the largest int
    "STOP_TIMEOUT, 2147483648, 2147483647, true",
    "BOOT_TIMEOUT, 99999999999999999999999999, 2147483647, true"
  })
  void clampsLikeJobCenter(SiteConfKey key, String raw, int value, boolean adjusted) {
    assertEquals(new SiteConfKey.Clamped(value, adjusted), key.clamp(raw));
  }
}
