package dev.clusterkit.core.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as a tree that remembers where each node stands, so every spec error can name
 * the file, line and column. Only the JSON-compatible subset is supported: mappings with string
 * keys, sequences and scalars.
 */
public sealed interface YamlNode {
  Mark mark();

  /** What this node is, for "expected X but found Y" messages. */
  String kindName();

  /**
   * A scalar; {@code isString} is false for numbers, booleans and null, which YAML types by their
   * form, so a bare {@code 200} is not a string and a quoted {@code "200"} is not a number.
   */
  record Scalar(String text, boolean isString, boolean isNull, Mark mark) implements YamlNode {
    @Override
    public String kindName() {
      return isNull ? "null" : "a scalar";
    }
  }

  /** A sequence of nodes. */
  record Sequence(List<YamlNode> items, Mark mark) implements YamlNode {
    public Sequence {
      items = List.copyOf(items);
    }

    @Override
    public String kindName() {
      return "a list";
    }
  }

  /** A mapping; keys keep their marks so errors can point at a key. */
  record Mapping(Map<String, Entry> entries, Mark mark) implements YamlNode {
    public Mapping {
      entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    @Override
    public String kindName() {
      return "a mapping";
    }
  }

  /** A mapping entry: the key's position and the value. */
  record Entry(String key, Mark keyMark, YamlNode value) {}
}
