package dev.clusterkit.core.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SiteSelectionTest {
  static final SiteStatus ONE = new SiteStatus("testsite.example.com", Optional.empty(), "/mnt/jobdb", "/usr/spool/nqs/0AC0120A", false);
  static final SiteStatus TWO = new SiteStatus("other.example.com", Optional.empty(), "/mnt/other", "/usr/spool/nqs/0AC0120B", false);
  static final List<SiteStatus> SITES = List.of(ONE, TWO);

  @Test
  void unsetOrEmptySelectsTheLocalSite() throws Exception {
    assertEquals(new SiteSelection.Local("node1.example.com"), SiteSelection.resolve(Optional.empty(), "node1.example.com", SITES));
    assertEquals(new SiteSelection.Local("node1.example.com"), SiteSelection.resolve(Optional.of(" "), "node1.example.com", SITES));
  }

  @Test
  void theHostsOwnNameSelectsTheLocalSiteInShortOrLongForm() throws Exception {
    assertEquals(new SiteSelection.Local("node1.example.com"), SiteSelection.resolve(Optional.of("NODE1.example.com"), "node1.example.com", SITES));
    assertEquals(new SiteSelection.Local("node1.example.com"), SiteSelection.resolve(Optional.of("node1"), "node1.example.com", SITES));
    assertEquals(new SiteSelection.Local("node1"), SiteSelection.resolve(Optional.of("node1.example.com"), "node1", SITES));
  }

  @Test
  void aSiteNameSelectsThatSite() throws Exception {
    assertEquals(new SiteSelection.Cluster(ONE), SiteSelection.resolve(Optional.of("TestSite.example.com"), "node1", SITES));
    assertEquals(new SiteSelection.Cluster(TWO), SiteSelection.resolve(Optional.of("other"), "node1", SITES));
  }

  @Test
  void anUnknownNameIsAnErrorNamingTheSitesThatExist() {
    SiteControlException.UnknownSite e =
        assertThrows(SiteControlException.UnknownSite.class, () -> SiteSelection.resolve(Optional.of("nosuch"), "node1", SITES));
    assertEquals(
        "site 'nosuch' does not exist on this machine; the sites are other.example.com, testsite.example.com", e.getMessage());
    assertEquals(List.of("other.example.com", "testsite.example.com"), e.known());
    assertEquals(5, e.exitCode());
    SiteControlException.UnknownSite none =
        assertThrows(SiteControlException.UnknownSite.class, () -> SiteSelection.resolve(Optional.of("x.example.com"), "node1", List.of()));
    assertEquals("site 'x.example.com' does not exist on this machine; there is no cluster site", none.getMessage());
  }
}
