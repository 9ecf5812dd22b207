package dev.clusterkit.core.spec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads one YAML document into a {@link YamlNode} tree with positions. */
final class YamlReader {
  // YAML 1.2 reading, as the JSON Schema assumes: a key with nothing after it ("fake:") is null,
  // not an empty string, and yes/no/on/off are words, not booleans.
  private static final YAMLFactory FACTORY =
      YAMLFactory.builder()
          .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
          .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
          .build();

  private final String file;
  private final YAMLParser parser;

  private YamlReader(String file, YAMLParser parser) {
    this.file = file;
    this.parser = parser;
  }

  static YamlNode read(String file, String text) throws SpecException {
    try (YAMLParser parser = FACTORY.createParser(text)) {
      YamlReader reader = new YamlReader(file, parser);
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new SpecException(List.of(new SpecError(new Mark(file, 1, 1), "the spec is empty")));
      }
      YamlNode root = reader.node(first);
      if (parser.nextToken() != null) {
        throw new SpecException(
            List.of(new SpecError(reader.mark(), "the spec holds more than one YAML document")));
      }
      return root;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      Mark mark =
          problemMark(file, e.getOriginalMessage())
              .orElse(
                  at == null
                      ? new Mark(file, 1, 1)
                      : new Mark(file, Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr())));
      throw new SpecException(List.of(new SpecError(mark, "not valid YAML: " + oneLine(e.getOriginalMessage()))));
    } catch (IOException e) {
      throw new SpecException(List.of(new SpecError(new Mark(file, 1, 1), "cannot read: " + e)));
    }
  }

  private static final java.util.regex.Pattern YAML_MARK =
      java.util.regex.Pattern.compile("line (\\d+), column (\\d+)");

  /**
   * Where the YAML parser found the problem: the last position its message names (1-based). The
   * exception's own location is that of the last good token, often a line early.
   */
  static java.util.Optional<Mark> problemMark(String file, String message) {
    java.util.regex.Matcher m = YAML_MARK.matcher(message);
    Mark found = null;
    while (m.find()) {
      found = new Mark(file, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }
    return java.util.Optional.ofNullable(found);
  }

  /**
   * The parser's message without the source excerpts and caret lines it spreads over several
   * lines (those are indented); the position is in the mark already.
   */
  static String oneLine(String message) {
    return message.lines()
        .filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
        .map(String::strip)
        .collect(java.util.stream.Collectors.joining(": "));
  }

  private Mark mark() {
    JsonLocation at = parser.currentTokenLocation();
    return new Mark(file, Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()));
  }

  private YamlNode node(JsonToken token) throws IOException, SpecException {
    Mark mark = mark();
    if (parser.isCurrentAlias()) {
      // The parser hands an alias over as the anchor's name, which would be read as a value.
      throw new SpecException(
          List.of(
              new SpecError(
                  mark, "YAML aliases (*" + parser.getText() + ") are not supported: write the value out")));
    }
    switch (token) {
      case START_OBJECT -> {
        Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
        JsonToken t;
        while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
          String key = parser.currentName();
          Mark keyMark = mark();
          YamlNode value = node(parser.nextToken());
          if (entries.containsKey(key)) {
            throw new SpecException(
                List.of(
                    new SpecError(
                        keyMark,
                        "key '" + key + "' appears twice (first at line " + entries.get(key).keyMark().line() + ")")));
          }
          entries.put(key, new YamlNode.Entry(key, keyMark, value));
        }
        if (t != JsonToken.END_OBJECT) {
          throw new SpecException(List.of(new SpecError(mark(), "unexpected " + t)));
        }
        return new YamlNode.Mapping(entries, mark);
      }
      case START_ARRAY -> {
        List<YamlNode> items = new ArrayList<>();
        JsonToken t;
        while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
          items.add(node(t));
        }
        return new YamlNode.Sequence(items, mark);
      }
      case VALUE_NULL -> {
        return new YamlNode.Scalar("", false, true, mark);
      }
      case VALUE_STRING -> {
        // The YAML parser reports plain scalars that look like numbers or booleans as such; any
        // VALUE_STRING is a string, quoted or not.
        return new YamlNode.Scalar(parser.getText(), true, false, mark);
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE -> {
        return new YamlNode.Scalar(parser.getText(), false, false, mark);
      }
      default -> throw new SpecException(List.of(new SpecError(mark, "unsupported YAML: " + token)));
    }
  }
}
