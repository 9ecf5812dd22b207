package dev.clusterkit.core.bundle;

import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The runbook's text in one language, from {@code Runbook[_lang].properties}. Placeholders are
 * {@code {name}}; unlike MessageFormat, values go in verbatim (no quote rules, no number
 * grouping), and the machine's default locale never chooses the language.
 */
final class Messages {
  private final ResourceBundle bundle;

  private Messages(ResourceBundle bundle) {
    this.bundle = bundle;
  }

  static Messages forLanguage(String language) {
    Locale locale = Locale.forLanguageTag(language);
    ResourceBundle bundle = ResourceBundle.getBundle("dev.clusterkit.core.bundle.Runbook", locale,
        Messages.class.getClassLoader(),
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    if (!language.equals("en") && !bundle.getLocale().getLanguage().equals(locale.getLanguage())) {
      throw new IllegalArgumentException("no runbook text in language '" + language + "' (have: en, ja)");
    }
    return new Messages(bundle);
  }

  String text(String key, Map<String, String> values) {
    String text;
    try {
      text = bundle.getString(key);
    } catch (MissingResourceException e) {
      throw new IllegalStateException("runbook message '" + key + "' is missing", e);
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      int open = text.indexOf('{', i);
      if (open < 0) {
        out.append(text, i, text.length());
        break;
      }
      int close = text.indexOf('}', open);
      String name = text.substring(open + 1, close);
      String value = values.get(name);
      if (value == null) {
        throw new IllegalStateException("runbook message '" + key + "' needs a value for {" + name + "}");
      }
      out.append(text, i, open).append(value);
      i = close + 1;
    }
    return out.toString();
  }

  String text(String key) {
    return text(key, Map.of());
  }
}
