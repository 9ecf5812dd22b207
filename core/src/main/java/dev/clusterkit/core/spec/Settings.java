package dev.clusterkit.core.spec;

import java.util.Map;
import java.util.TreeMap;

/** Checked setting values of one adapter, defaults filled in. */
public record Settings(Map<String, Object> values) {
  public static final Settings EMPTY = new Settings(Map.of());

  public Settings {
    values = java.util.Collections.unmodifiableMap(new TreeMap<>(values));
  }

  public String text(String name) {
    return (String) get(name);
  }

  public int integer(String name) {
    return (Integer) get(name);
  }

  public boolean bool(String name) {
    return (Boolean) get(name);
  }

  private Object get(String name) {
    Object value = values.get(name);
    if (value == null) {
      throw new IllegalStateException("setting '" + name + "' was not declared by the adapter");
    }
    return value;
  }
}
