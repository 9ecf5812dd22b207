package dev.clusterkit.core.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MachineIdTest {

  @ParameterizedTest
  @ValueSource(ints = {1, 200, 12345678, Integer.MAX_VALUE})
  void acceptsPositiveIntegers(int id) {
    assertEquals(id, new MachineId(id).value());
    assertEquals(Integer.toString(id), new MachineId(id).toString());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
  void refusesZeroAndNegativesNamingTheRule(int id) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MachineId(id));
    assertTrue(e.getMessage().startsWith("machine ID " + id + " must be a positive integer"), e.getMessage());
  }

  @Test
  void isAValue() {
    assertEquals(new MachineId(200), new MachineId(200));
    assertNotEquals(new MachineId(200), new MachineId(201));
  }
}
