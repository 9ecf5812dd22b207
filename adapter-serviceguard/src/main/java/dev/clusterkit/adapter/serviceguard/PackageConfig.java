package dev.clusterkit.adapter.serviceguard;

import dev.clusterkit.core.lint.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Serviceguard package configuration file read as {@code keyword value} lines: the modular form
 * (lowercase keywords, {@code package_name}) or the legacy ASCII form (upper case, {@code PACKAGE_NAME}).
 * Lists repeat the keyword; order matters (services group their attributes after service_name).
 */
record PackageConfig(SourceFile file, boolean modular, List<Attribute> attributes) {
  private static final Pattern LINE = Pattern.compile("^(\\s*)([A-Za-z_][A-Za-z0-9_]*)(?:\\s+(.*?))?\\s*$");
  static final Pattern MODULAR = Pattern.compile("(?m)^\\s*package_name\\s+\\S");
  static final Pattern LEGACY = Pattern.compile("(?m)^\\s*PACKAGE_NAME\\s+\\S");

  /** One {@code keyword value} line; the value has its quotes removed. */
  record Attribute(String key, String value, int line, int column) {}

  PackageConfig {
    attributes = List.copyOf(attributes);
  }

  static boolean looksModular(SourceFile f) {
    return MODULAR.matcher(f.text()).find();
  }

  static boolean looksLegacy(SourceFile f) {
    return LEGACY.matcher(f.text()).find() && !f.text().contains("SERVICE_NAME[");
  }

  static PackageConfig parse(SourceFile file, boolean modular) {
    List<Attribute> attributes = new ArrayList<>();
    List<String> lines = file.lines();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.strip().startsWith("#") || line.isBlank()) {
        continue;
      }
      Matcher m = LINE.matcher(stripComment(line));
      if (m.matches()) {
        String key = modular ? m.group(2).toLowerCase(Locale.ROOT) : m.group(2).toUpperCase(Locale.ROOT);
        attributes.add(new Attribute(key, unquote(m.group(3) == null ? "" : m.group(3)), i + 1, m.group(1).length() + 1));
      }
    }
    return new PackageConfig(file, modular, attributes);
  }

  /** The attributes with a keyword (given in the file's case), in file order. */
  List<Attribute> all(String key) {
    return attributes.stream().filter(a -> a.key().equals(key)).toList();
  }

  Optional<Attribute> first(String key) {
    return attributes.stream().filter(a -> a.key().equals(key)).findFirst();
  }

  /**
   * The service blocks: each service name with the attributes after it up to the next service name
   * (modular: service_*; legacy: SERVICE_*).
   */
  List<List<Attribute>> services() {
    String nameKey = modular ? "service_name" : "SERVICE_NAME";
    String prefix = modular ? "service_" : "SERVICE_";
    List<List<Attribute>> services = new ArrayList<>();
    List<Attribute> current = null;
    for (Attribute a : attributes) {
      if (a.key().equals(nameKey)) {
        current = new ArrayList<>();
        services.add(current);
        current.add(a);
      } else if (current != null && a.key().startsWith(prefix)) {
        current.add(a);
      }
    }
    return services;
  }

  static Optional<Attribute> in(List<Attribute> block, String key) {
    return block.stream().filter(a -> a.key().equals(key)).findFirst();
  }

  /** A trailing {@code # comment} outside quotes goes. */
  private static String stripComment(String line) {
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == '#' && !quoted && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
        return line.substring(0, i);
      }
    }
    return line;
  }

  private static String unquote(String value) {
    String v = value.strip();
    if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
      return v.substring(1, v.length() - 1);
    }
    return v;
  }
}
