package dev.clusterkit.core.spec;

import java.util.Objects;
import java.util.Optional;

/**
 * A setting an adapter reads from its part of the spec. Declaring settings lets core check a
 * spec (unknown keys, types, required values) with positions, and generate the JSON Schema.
 */
public record Setting(String name, SettingType type, Optional<Object> defaultValue, String description) {

  public Setting {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(defaultValue, "defaultValue");
    Objects.requireNonNull(description, "description");
    if (!name.matches("[a-z][A-Za-z0-9]*")) {
      throw new IllegalArgumentException("setting name '" + name + "' must be lowerCamelCase");
    }
  }

  /** A setting the spec must give. */
  public static Setting required(String name, SettingType type, String description) {
    return new Setting(name, type, Optional.empty(), description);
  }

  /** A setting with a default used when the spec leaves it out. */
  public static Setting optional(String name, SettingType type, Object defaultValue, String description) {
    return new Setting(name, type, Optional.of(defaultValue), description);
  }

  public boolean isRequired() {
    return defaultValue.isEmpty();
  }
}
