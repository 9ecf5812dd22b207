package dev.clusterkit.core.spec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Reads typed values out of a {@link YamlNode} tree, collecting every error with its position. */
final class Binder {
  private final List<SpecError> errors = new ArrayList<>();

  List<SpecError> errors() {
    return errors;
  }

  void error(Mark mark, String message) {
    errors.add(new SpecError(mark, message));
  }

  Optional<YamlNode.Mapping> mapping(YamlNode node, String field) {
    if (node instanceof YamlNode.Mapping m) {
      return Optional.of(m);
    }
    error(node.mark(), field + ": expected a mapping but found " + node.kindName());
    return Optional.empty();
  }

  Optional<YamlNode.Sequence> sequence(YamlNode node, String field) {
    if (node instanceof YamlNode.Sequence s) {
      return Optional.of(s);
    }
    error(node.mark(), field + ": expected a list but found " + node.kindName());
    return Optional.empty();
  }

  /** Reports every key of {@code m} not in {@code allowed}, suggesting the closest allowed key. */
  void allowOnly(YamlNode.Mapping m, String where, Collection<String> allowed) {
    for (YamlNode.Entry e : m.entries().values()) {
      if (!allowed.contains(e.key())) {
        String suggestion = closest(e.key(), allowed).map(s -> "; did you mean '" + s + "'?").orElse("");
        error(
            e.keyMark(),
            "unknown key '" + e.key() + "' in " + where + " (allowed: " + String.join(", ", allowed) + ")"
                + suggestion);
      }
    }
  }

  Optional<YamlNode> optional(YamlNode.Mapping m, String key) {
    YamlNode.Entry e = m.entries().get(key);
    return e == null ? Optional.empty() : Optional.of(e.value());
  }

  Optional<YamlNode> required(YamlNode.Mapping m, String key, String where) {
    Optional<YamlNode> node = optional(m, key);
    if (node.isEmpty()) {
      error(m.mark(), "missing required key '" + key + "' in " + where);
    }
    return node;
  }

  Optional<YamlNode.Scalar> scalar(YamlNode node, String field) {
    if (node instanceof YamlNode.Scalar s && !s.isNull()) {
      return Optional.of(s);
    }
    error(node.mark(), field + ": expected a value but found " + node.kindName());
    return Optional.empty();
  }

  /** Converts a scalar with a setting type, reporting the type's message at the node. */
  Optional<Object> convert(YamlNode node, String field, SettingType type) {
    return scalar(node, field)
        .flatMap(
            s -> {
              try {
                return Optional.of(type.convert(s));
              } catch (IllegalArgumentException e) {
                error(s.mark(), field + ": " + e.getMessage());
                return Optional.empty();
              }
            });
  }

  Optional<String> string(YamlNode node, String field) {
    return convert(node, field, new SettingType.Text("(?s).*", "any text")).map(String.class::cast);
  }

  Optional<Integer> integer(YamlNode node, String field, int min, int max) {
    return convert(node, field, new SettingType.Int(min, max)).map(Integer.class::cast);
  }

  Optional<Boolean> bool(YamlNode node, String field) {
    return convert(node, field, new SettingType.Bool()).map(Boolean.class::cast);
  }

  /** Builds a value type from text, turning its validation message into an error at the node. */
  <T> Optional<T> value(YamlNode node, String field, Function<String, T> constructor) {
    return string(node, field)
        .flatMap(
            text -> {
              try {
                return Optional.of(constructor.apply(text));
              } catch (IllegalArgumentException e) {
                error(node.mark(), field + ": " + e.getMessage());
                return Optional.empty();
              }
            });
  }

  private static Optional<String> closest(String key, Collection<String> candidates) {
    String best = null;
    int bestDistance = 3;
    for (String c : candidates) {
      int d = distance(key.toLowerCase(java.util.Locale.ROOT), c.toLowerCase(java.util.Locale.ROOT));
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
