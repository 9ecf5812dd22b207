package dev.clusterkit.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

  @Test
  void typedAccessors() {
    Settings s = new Settings(Map.of("name", "x", "count", 3, "on", false));
    assertEquals("x", s.text("name"));
    assertEquals(3, s.integer("count"));
    assertFalse(s.bool("on"));
  }

  @Test
  void anUndeclaredSettingIsAProgrammingError() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> Settings.EMPTY.text("nope"));
    assertEquals("setting 'nope' was not declared by the adapter", e.getMessage());
  }

  @Test
  void valuesAreSortedAndCopied() {
    Map<String, Object> m = new HashMap<>(Map.of("b", 1, "a", 2, "c", 3));
    Settings s = new Settings(m);
    m.put("d", 4);
    assertEquals(List.of("a", "b", "c"), List.copyOf(s.values().keySet()));
    assertThrows(UnsupportedOperationException.class, () -> s.values().put("e", 5));
  }
}
