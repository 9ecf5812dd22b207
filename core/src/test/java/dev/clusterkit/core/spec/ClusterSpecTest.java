package dev.clusterkit.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.clusterkit.core.site.MachineId;
import dev.clusterkit.core.site.Platform;
import dev.clusterkit.core.site.RelocatableAddress;
import dev.clusterkit.core.site.Site;
import dev.clusterkit.core.site.SiteConf;
import dev.clusterkit.core.site.SiteDatabasePath;
import dev.clusterkit.core.site.SiteName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** ClusterSpec and its parts, SiteSpec and NodeSpec. */
class ClusterSpecTest {
  private static final Site SITE =
      new Site(
          new SiteName("testsite.example.com"),
          new MachineId(200),
          new SiteDatabasePath("/mnt/jobdb", Platform.Family.POSIX),
          new RelocatableAddress("10.192.18.10"),
          Platform.LINUX.defaultLayout());
  private static final Settings ZETA = new Settings(Map.of("x", 1));

  private static ClusterSpec spec(List<SiteSpec> sites) {
    return new ClusterSpec(
        "c", "spec.yaml", "00", List.of(new NodeSpec("n1", Optional.empty())), sites,
        Map.of("zeta", ZETA, "alpha", Settings.EMPTY));
  }

  @Test
  void targetIdsAreSorted() {
    assertEquals(List.of("alpha", "zeta"), spec(List.of()).targetIds());
  }

  @Test
  void settingsForANamedTarget() {
    assertSame(ZETA, spec(List.of()).settingsFor("zeta"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> spec(List.of()).settingsFor("beta"));
    assertEquals("the spec does not name target 'beta'", e.getMessage());
  }

  @Test
  void listsAreCopies() {
    List<SiteSpec> sites = new ArrayList<>();
    ClusterSpec spec = spec(sites);
    sites.add(new SiteSpec(SITE, true, false, SiteConf.DEFAULTS, Map.of()));
    assertEquals(List.of(), spec.sites());
    assertThrows(UnsupportedOperationException.class, () -> spec.nodes().clear());
  }

  @Test
  void siteSettingsDefaultToEmpty() {
    SiteSpec s = new SiteSpec(SITE, true, false, SiteConf.DEFAULTS, Map.of("zeta", ZETA));
    assertSame(ZETA, s.settingsFor("zeta"));
    assertSame(Settings.EMPTY, s.settingsFor("alpha"));
  }

  @Test
  void nullsAreRefused() {
    assertThrows(NullPointerException.class, () -> new SiteSpec(null, true, false, SiteConf.DEFAULTS, Map.of()));
    assertThrows(NullPointerException.class, () -> new SiteSpec(SITE, true, false, null, Map.of()));
    assertThrows(NullPointerException.class, () -> new NodeSpec(null, Optional.empty()));
    assertThrows(NullPointerException.class, () -> new NodeSpec("n", null));
  }
}
