package dev.clusterkit.core.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RelocatableAddressTest {

  private static String refused(String value) {
    return assertThrows(IllegalArgumentException.class, () -> new RelocatableAddress(value)).getMessage();
  }

  @Test
  void parsesDottedQuads() {
    RelocatableAddress a = new RelocatableAddress("10.192.18.10");
    assertEquals("10.192.18.10", a.value());
    assertEquals("10.192.18.10", a.toString());
    assertArrayEquals(new int[] {10, 192, 18, 10}, a.octets());
  }

  @Test
  void octetsAreACopy() {
    RelocatableAddress a = new RelocatableAddress("10.192.18.10");
    a.octets()[0] = 99;
    assertArrayEquals(new int[] {10, 192, 18, 10}, a.octets());
  }

  /** Guide 2.5.3 (cjcls output) and 2.6.1: the link name is the address in upper-case hex. */
  @ParameterizedTest
  @CsvSource({
    "10.192.18.10, 0AC0120A",
    "10.192.18.11, 0AC0120B",
    "192.168.26.10, C0A81A0A",
    "1.0.0.1, 01000001",
    "223.255.255.254, DFFFFFFE"
  })
  void linkNameIsTheAddressInUpperCaseHex(String address, String link) {
    assertEquals(link, new RelocatableAddress(address).linkName());
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0.0.0", "192.168.1.100", "172.16.0.1", "223.255.255.255"})
  void acceptsHostAddresses(String value) {
    assertEquals(value, new RelocatableAddress(value).value());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "", "10.192.18", "10.192.18.10.1", "10.192.18.", ".10.192.18", "10..18.10", "a.b.c.d",
        "10.192.18.256", "10.192.18.1000", " 10.192.18.10", "10.192.18.10 ", "-1.0.0.1", "+1.0.0.1",
        "10,192,18,10", "0x0A.0.0.1", "testsite.example.com"
      })
  void refusesWhatIsNotADottedQuad(String value) {
    String m = refused(value);
    assertEquals(
        "relocatable address '" + value + "' is not a dotted IPv4 address (four numbers 0-255)", m);
  }

  @ParameterizedTest
  @ValueSource(strings = {"010.192.18.10", "10.192.018.10", "10.0.0.01", "00.1.1.1"})
  void refusesLeadingZerosThatToolsReadAsOctal(String value) {
    String m = refused(value);
    assertTrue(m.contains("'" + value + "' has a leading zero"), m);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.0.0.0", "0.1.2.3"})
  void refusesThisNetwork(String value) {
    assertTrue(refused(value).contains("0.0.0.0/8"));
  }

  // Loopback is allowed: the end-to-end tests run both "nodes" on one machine with the site on
  // an address in 127.0.0.0/8. That a real site needs a routable address is the doctor's to say.
  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.2", "127.255.255.254"})
  void acceptsLoopbackForSingleMachineTests(String value) {
    assertEquals(value, new RelocatableAddress(value).value());
  }

  @ParameterizedTest
  @ValueSource(strings = {"224.0.0.1", "239.255.255.250", "240.0.0.1", "255.255.255.255"})
  void refusesMulticastAndReserved(String value) {
    String m = refused(value);
    assertTrue(m.contains("is a multicast or reserved address, not a host address"), m);
  }

  @Test
  void refusesNull() {
    assertThrows(NullPointerException.class, () -> new RelocatableAddress(null));
  }
}
