package dev.clusterkit.core.site;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Changes settings in an existing daemon.conf without losing anything else in it: the first line of
 * a key is rewritten in place, later lines of the same key are commented out (so the edit is
 * visible), and keys not present are appended. daemon.conf holds many settings besides ours. A
 * file with CRLF line ends (a Windows site's) keeps them.
 */
public final class DaemonConfEditor {
  private DaemonConfEditor() {}

  public static String apply(String existing, Map<String, String> settings) {
    List<String> out = new ArrayList<>();
    Set<String> written = new HashSet<>();
    String newline = existing.contains("\r\n") ? "\r\n" : "\n";
    String body = existing.replace("\r\n", "\n");
    if (!body.isEmpty()) {
      if (body.endsWith("\n")) {
        body = body.substring(0, body.length() - 1);
      }
      for (String line : body.split("\n", -1)) {
        String key = DaemonConfParser.keyOf(line);
        if (key != null && settings.containsKey(key)) {
          if (written.add(key)) {
            out.add(key + "=" + settings.get(key));
          } else {
            out.add("#" + line + "  # superseded by clusterkit");
          }
        } else {
          out.add(line);
        }
      }
    }
    settings.forEach(
        (key, value) -> {
          if (!written.contains(key)) {
            out.add(key + "=" + value);
          }
        });
    return out.isEmpty() ? "" : String.join(newline, out) + newline;
  }
}
