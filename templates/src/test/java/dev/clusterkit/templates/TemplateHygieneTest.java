package dev.clusterkit.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every bundled template is strict: no default that would hide a value the model lacks, no
 * ${...} interpolation (templates use [=...], so ${...} belongs to the target language), LF only.
 */
class TemplateHygieneTest {
  private static final Path ROOT = Path.of("src/main/resources/clusterkit/templates");
  // "?default", "?has_content" used as a fallback, and the "!" default operator: x!, x!"y", x!'y'.
  private static final Pattern DEFAULTS =
      Pattern.compile("\\?default\\b|\\?if_exists\\b|[A-Za-z0-9_)\\]]!(?=[\"'\\])}\\s]|$)");

  static List<Path> templates() throws Exception {
    try (Stream<Path> walk = Files.walk(ROOT)) {
      return walk.filter(p -> p.toString().endsWith(".ftl")).sorted().toList();
    }
  }

  @Test
  void thereAreTemplates() throws Exception {
    assertFalse(templates().isEmpty());
  }

  @Test
  void noTemplateHidesAMissingValue() throws Exception {
    List<String> offences = new ArrayList<>();
    for (Path t : templates()) {
      List<String> lines = Files.readAllLines(t, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        for (String part : freemarkerParts(lines.get(i))) {
          Matcher m = DEFAULTS.matcher(part);
          if (m.find()) {
            offences.add(t + ":" + (i + 1) + ": " + part);
          }
        }
      }
    }
    assertEquals(List.of(), offences, "give the model every value instead of a template default");
  }

  @Test
  void templatesAreLfOnly() throws Exception {
    List<String> crlf = new ArrayList<>();
    for (Path t : templates()) {
      if (new String(Files.readAllBytes(t), StandardCharsets.UTF_8).contains("\r")) {
        crlf.add(t.toString());
      }
    }
    assertEquals(List.of(), crlf, "templates produce LF; the adapter applies CRLF where the file needs it");
  }

  /** The FreeMarker parts of a line: [=...] interpolations and <#...> directives. */
  private static List<String> freemarkerParts(String line) {
    List<String> parts = new ArrayList<>();
    Matcher m = Pattern.compile("\\[=[^\\]]*\\]|<#[^>]*>").matcher(line);
    while (m.find()) {
      parts.add(m.group());
    }
    return parts;
  }
}
