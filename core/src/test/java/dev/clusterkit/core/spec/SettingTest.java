package dev.clusterkit.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SettingTest {

  @Test
  void requiredAndOptional() {
    Setting r = Setting.required("groupName", new SettingType.Bool(), "d");
    assertTrue(r.isRequired());
    assertEquals(Optional.empty(), r.defaultValue());
    Setting o = Setting.optional("retries", new SettingType.Int(0, 9), 3, "d");
    assertFalse(o.isRequired());
    assertEquals(Optional.of(3), o.defaultValue());
  }

  @ParameterizedTest
  @ValueSource(strings = {"GroupName", "group_name", "group-name", "1group", ""})
  void namesAreLowerCamelCase(String name) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Setting.required(name, new SettingType.Bool(), "d"));
    assertEquals("setting name '" + name + "' must be lowerCamelCase", e.getMessage());
  }
}
