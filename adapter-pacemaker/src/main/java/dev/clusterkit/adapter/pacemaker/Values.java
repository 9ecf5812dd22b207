package dev.clusterkit.adapter.pacemaker;

import java.util.Map;
import java.util.TreeMap;

/** How one value is written in each configuration form: a sh word, a crm word, an XML attribute. */
final class Values {
  private static final String PLAIN = "[A-Za-z0-9_./:=@+,-]+";

  private Values() {}

  /** A resource parameter, {@code name=value}. */
  record Param(String name, String value) {
    Map<String, Object> model() {
      Map<String, Object> m = new TreeMap<>();
      m.put("name", name);
      m.put("sh", sh(name + "=" + value));
      m.put("crm", value.matches(PLAIN) ? name + "=" + value : name + "=\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
      m.put("xml", xml(value));
      return m;
    }
  }

  static Param param(String name, String value) {
    return new Param(name, value);
  }

  /** A word sh reads back as {@code s}. */
  static String sh(String s) {
    return s.matches(PLAIN) ? s : "'" + s.replace("'", "'\\''") + "'";
  }

  /** Text safe in an XML attribute or element. */
  static String xml(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
