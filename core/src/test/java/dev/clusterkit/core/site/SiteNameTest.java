package dev.clusterkit.core.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SiteNameTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "testsite.example.com",
        "TestSite.Example.COM",
        "a.b",
        "site-1.cluster.example.co.jp",
        "0ac0120a.example.com",
        "x1.example.com"
      })
  void acceptsFullyQualifiedHostNames(String name) {
    assertEquals(name, new SiteName(name).value());
  }

  @ParameterizedTest
  @ValueSource(strings = {"testsite", "jcsite", "localhost"})
  void refusesShortNamesAndAliasesNamingTheRule(String name) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SiteName(name));
    assertTrue(e.getMessage().contains("'" + name + "' is not fully qualified"), e.getMessage());
    assertTrue(e.getMessage().contains("2.3.5"), "names the guide's rule: " + e.getMessage());
    assertTrue(e.getMessage().contains(name + ".example.com"), "suggests an FQDN: " + e.getMessage());
  }

  @Test
  void refusesEmpty() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SiteName(""));
    assertEquals("site name must not be empty", e.getMessage());
  }

  @Test
  void refusesNull() {
    assertThrows(NullPointerException.class, () -> new SiteName(null));
  }

  @Test
  void refusesTrailingDot() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new SiteName("testsite.example.com."));
    assertTrue(e.getMessage().contains("trailing dot"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "-site.example.com",
        "site-.example.com",
        "test_site.example.com",
        "test site.example.com",
        "site..example.com",
        ".example.com",
        "sité.example.com"
      })
  void refusesInvalidLabelsNamingTheLabel(String name) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SiteName(name));
    assertTrue(e.getMessage().contains("has an invalid label"), e.getMessage());
    assertTrue(e.getMessage().contains("1 to 63 letters, digits or hyphens"), e.getMessage());
  }

  @Test
  void labelsMayHold63CharactersButNot64() {
    String ok = "a".repeat(63) + ".example.com";
    assertEquals(ok, new SiteName(ok).value());
    String tooLong = "a".repeat(64) + ".example.com";
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SiteName(tooLong));
    assertTrue(e.getMessage().contains("invalid label '" + "a".repeat(64) + "'"), e.getMessage());
  }

  @Test
  void namesMayHold253CharactersButNot254() {
    // 4 labels of 62 + 3 dots = 251, plus ".b" = 253.
    String label = "a".repeat(62);
    String ok = String.join(".", label, label, label, label) + ".b";
    assertEquals(253, ok.length());
    assertEquals(ok, new SiteName(ok).value());
    String tooLong = String.join(".", label, label, label, label) + ".bc";
    assertEquals(254, tooLong.length());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SiteName(tooLong));
    assertTrue(e.getMessage().contains("longer than the 253 characters"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.192.18.10", "site.123", "192.168.1.100"})
  void refusesNumericTopLevelLabelAsAnAddress(String name) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SiteName(name));
    assertTrue(e.getMessage().contains("is an address, not a host name"), e.getMessage());
  }

  @Test
  void shortNameIsTheFirstLabel() {
    assertEquals("testsite", new SiteName("testsite.example.com").shortName());
  }

  @Test
  void hostNamesCompareCaseInsensitively() {
    SiteName a = new SiteName("TestSite.Example.com");
    assertTrue(a.sameHostAs(new SiteName("testsite.example.COM")));
    assertFalse(a.sameHostAs(new SiteName("othersite.example.com")));
  }

  @Test
  void toStringIsTheName() {
    assertEquals("testsite.example.com", new SiteName("testsite.example.com").toString());
  }
}
