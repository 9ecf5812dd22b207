package dev.clusterkit.core.spec;

import java.util.List;
import java.util.regex.Pattern;

/** The type of an adapter setting in the spec, which also gives its JSON Schema. */
public sealed interface SettingType {

  /**
   * Checks and converts a scalar.
   *
   * @throws IllegalArgumentException saying what is wrong with the value
   */
  Object convert(YamlNode.Scalar scalar);

  /** A string matching a pattern; {@code rule} says the pattern in words. */
  record Text(String pattern, String rule) implements SettingType {
    @Override
    public Object convert(YamlNode.Scalar scalar) {
      if (!scalar.isString()) {
        throw new IllegalArgumentException(
            "expected a string but found '" + scalar.text() + "'; write it in quotes");
      }
      if (!Pattern.matches(pattern, scalar.text())) {
        throw new IllegalArgumentException("'" + scalar.text() + "' is not valid: " + rule);
      }
      return scalar.text();
    }
  }

  /** A whole number in a closed range. */
  record Int(int min, int max) implements SettingType {
    @Override
    public Object convert(YamlNode.Scalar scalar) {
      if (scalar.isString() || !scalar.text().matches("-?[0-9]+")) {
        throw new IllegalArgumentException("expected a whole number but found '" + scalar.text() + "'");
      }
      long value;
      try {
        value = Long.parseLong(scalar.text());
      } catch (NumberFormatException e) {
        value = Long.MAX_VALUE;
      }
      if (value < min || value > max) {
        throw new IllegalArgumentException(scalar.text() + " is not between " + min + " and " + max);
      }
      return (int) value;
    }
  }

  /** true or false. */
  record Bool() implements SettingType {
    @Override
    public Object convert(YamlNode.Scalar scalar) {
      if (scalar.isString() || !(scalar.text().equals("true") || scalar.text().equals("false"))) {
        throw new IllegalArgumentException("expected true or false but found '" + scalar.text() + "'");
      }
      return Boolean.parseBoolean(scalar.text());
    }
  }

  /** One of a fixed set of words. */
  record Choice(List<String> values) implements SettingType {
    public Choice {
      values = List.copyOf(values);
    }

    @Override
    public Object convert(YamlNode.Scalar scalar) {
      if (!values.contains(scalar.text())) {
        throw new IllegalArgumentException(
            "'" + scalar.text() + "' is not one of " + String.join(", ", values));
      }
      return scalar.text();
    }
  }
}
