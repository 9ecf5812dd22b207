package dev.clusterkit.core.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocationTest {

  @Test
  void printsOnlyTheKnownParts() {
    assertEquals("f", Location.of("f").toString());
    assertEquals("f:3", Location.at("f", 3).toString());
    assertEquals("f:3:7", Location.at("f", 3, 7).toString());
  }

  @Test
  void sortsByFileLineColumn() {
    List<Location> l =
        new ArrayList<>(List.of(Location.at("b", 1, 1), Location.at("a", 2, 1), Location.at("a", 1, 5),
            Location.at("a", 1, 0), Location.of("a")));
    l.sort(null);
    assertEquals(
        List.of(Location.of("a"), Location.at("a", 1, 0), Location.at("a", 1, 5), Location.at("a", 2, 1),
            Location.at("b", 1, 1)),
        l);
  }

  @Test
  void refusesNegatives() {
    assertThrows(IllegalArgumentException.class, () -> Location.at("f", -1));
    assertThrows(IllegalArgumentException.class, () -> Location.at("f", 1, -1));
    assertThrows(NullPointerException.class, () -> Location.of(null));
  }
}
