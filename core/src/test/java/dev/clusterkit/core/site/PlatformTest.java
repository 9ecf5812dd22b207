package dev.clusterkit.core.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.clusterkit.core.site.Platform.WatchedDaemon;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The daemons cjcpw watches, exactly as the table in guide 2.1.4 lists them. */
class PlatformTest {

  private static final List<String> HPUX_SOLARIS =
      List.of(
          "nqsdaemon", "netdaemon", "NQS logdaemon", "jnwengine", "jnwengine-qwb",
          "jnwengine-trkrdr", "sclaunchd", "jnwcaster", "comagent", "jcdbs");
  private static final List<String> LINUX_AIX =
      List.of(
          "NQS nqsdaemon", "NQS netdaemon", "NQSlogdaemon", "jnwengine", "jnwengine-qwb",
          "jnwengine-trkrdr", "sclaunchd", "jnwcaster", "comagent", "jcdbs");
  // The guide's Windows column has no jnwcaster ("—").
  private static final List<String> WINDOWS =
      List.of(
          "nqsdaemon.exe", "netdaemon.exe", "logdaemon.exe", "jnwengine.exe", "qwb.exe",
          "trkrdr.exe", "sclaunchd.exe", "comagent.exe", "jcdbs.exe");

  private static List<String> names(Platform p) {
    return p.watchedDaemons().stream().map(WatchedDaemon::processName).toList();
  }

  private static String parentRule(Platform p, String process) {
    return p.watchedDaemons().stream()
        .filter(d -> d.processName().equals(process))
        .findFirst()
        .orElseThrow()
        .parentRule();
  }

  @Test
  void hpuxAndSolarisWatchTheBinaryNames() {
    assertEquals(HPUX_SOLARIS, names(Platform.HPUX));
    assertEquals(HPUX_SOLARIS, names(Platform.SOLARIS));
  }

  @Test
  void linuxAndAixWatchTheRenamedNqsDaemons() {
    assertEquals(LINUX_AIX, names(Platform.LINUX));
    assertEquals(LINUX_AIX, names(Platform.AIX));
  }

  @Test
  void windowsWatchesNineExecutablesWithoutJnwcaster() {
    assertEquals(WINDOWS, names(Platform.WINDOWS));
  }

  @Test
  void parentRulesFollowTheTable() {
    assertEquals("parent PID 1", parentRule(Platform.HPUX, "nqsdaemon"));
    assertEquals("parent is nqsdaemon", parentRule(Platform.SOLARIS, "netdaemon"));
    assertEquals("parent PID 1", parentRule(Platform.LINUX, "NQS nqsdaemon"));
    assertEquals("parent is NQS nqsdaemon", parentRule(Platform.AIX, "NQS netdaemon"));
    assertEquals("the parent of the two jnwcaster processes", parentRule(Platform.LINUX, "jnwcaster"));
    assertEquals("the parent of the two jnwcaster processes", parentRule(Platform.HPUX, "jnwcaster"));
    assertEquals("", parentRule(Platform.LINUX, "jcdbs"));
    for (WatchedDaemon d : Platform.WINDOWS.watchedDaemons()) {
      assertEquals("", d.parentRule(), d.processName());
    }
  }

  @Test
  void watchedDaemonsCannotBeChanged() {
    assertThrows(
        UnsupportedOperationException.class,
        () -> Platform.LINUX.watchedDaemons().add(new WatchedDaemon("x", "")));
  }

  @Test
  void familiesAndIds() {
    assertEquals(Platform.Family.POSIX, Platform.HPUX.family());
    assertEquals(Platform.Family.POSIX, Platform.SOLARIS.family());
    assertEquals(Platform.Family.POSIX, Platform.LINUX.family());
    assertEquals(Platform.Family.POSIX, Platform.AIX.family());
    assertEquals(Platform.Family.WINDOWS, Platform.WINDOWS.family());
    assertEquals(
        List.of("hpux", "solaris", "linux", "aix", "windows"),
        List.of(Platform.values()).stream().map(Platform::id).toList());
  }

  @ParameterizedTest
  @CsvSource({
    "hpux, HPUX", "HP-UX, HPUX", "hp-ux, HPUX", "HPUX, HPUX", "solaris, SOLARIS", "Solaris, SOLARIS",
    "linux, LINUX", "Linux, LINUX", "aix, AIX", "AIX, AIX", "windows, WINDOWS", "Windows, WINDOWS"
  })
  void fromIdIsCaseInsensitiveAndIgnoresHyphens(String id, Platform expected) {
    assertEquals(expected, Platform.fromId(id));
  }

  @ParameterizedTest
  @EnumSource(Platform.class)
  void fromIdRoundTripsEveryId(Platform p) {
    assertEquals(p, Platform.fromId(p.id()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"sunos", "win", "", "linux2", "ubuntu"})
  void fromIdRefusesOthersNamingTheAcceptedValues(String id) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Platform.fromId(id));
    assertEquals("platform '" + id + "' is not one of hpux, solaris, linux, aix, windows", e.getMessage());
  }

  @Test
  void defaultLayouts() {
    assertEquals("/usr/lib/nqs", Platform.LINUX.defaultLayout().root());
    assertEquals("/usr/lib/nqs", Platform.HPUX.defaultLayout().root());
    assertEquals("C:\\JobCenter\\SV", Platform.WINDOWS.defaultLayout().root());
    assertEquals(Platform.AIX, Platform.AIX.defaultLayout().platform());
  }
}
