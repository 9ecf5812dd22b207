package dev.clusterkit.core.runtime;

import dev.clusterkit.core.site.SiteControlException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code nqs/daemons.conf}, the daemons an embedded site runs, in start order:
 *
 * <pre>
 * # comment
 * [nqsdaemon]                 a daemon: its name
 * exec=${JAVA}                the program
 * arg=-cp                     one argument per line, no quoting needed
 * arg=${CLASSPATH}
 * env=NAME=value              extra environment (repeatable)
 * ready=port ${SITE_PORT}     ready once the site address accepts connections on the port
 * ready=alive 200             ready once alive for 200 ms (the default)
 * await=ready                 start only after every daemon above is ready
 * </pre>
 *
 * {@code ${NAME}} is replaced by the value of one of the variables given ({@code JAVA}, {@code
 * CLASSPATH}, {@code SITE_NAME}, {@code SITE_ADDRESS}, {@code SITE_PORT}, {@code SITE_DB}), so
 * the file stays valid on both nodes whatever their install paths.
 */
public final class DaemonListParser {
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z_]+)}");
  private static final Duration DEFAULT_ALIVE = Duration.ofMillis(200);

  private DaemonListParser() {}

  public static List<DaemonSpec> parse(String text, String source, Map<String, String> variables)
      throws SiteControlException.Refused {
    List<DaemonSpec> daemons = new ArrayList<>();
    Set<String> names = new HashSet<>();
    Builder current = null;
    String[] lines = text.replace("\r\n", "\n").split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int lineNo = i + 1;
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("[") && line.endsWith("]")) {
        if (current != null) {
          daemons.add(current.build(source));
        }
        String name = line.substring(1, line.length() - 1).strip();
        if (!names.add(name)) {
          throw error(source, lineNo, "daemon [" + name + "] is defined twice");
        }
        current = new Builder(name, lineNo);
        continue;
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        throw error(source, lineNo, "'" + line + "' is neither [name] nor key=value");
      }
      if (current == null) {
        throw error(source, lineNo, "'" + line + "' comes before the first [daemon-name] line");
      }
      String key = line.substring(0, eq).strip();
      String value = expand(line.substring(eq + 1).strip(), variables, source, lineNo);
      switch (key) {
        case "exec" -> {
          if (!current.command.isEmpty()) {
            throw error(source, lineNo, "daemon [" + current.name + "] has a second exec= line");
          }
          current.command.add(value);
        }
        case "arg" -> {
          if (current.command.isEmpty()) {
            throw error(source, lineNo, "arg= comes before exec= in daemon [" + current.name + "]");
          }
          current.command.add(value);
        }
        case "env" -> {
          int e = value.indexOf('=');
          if (e <= 0) {
            throw error(source, lineNo, "env=" + value + " is not env=NAME=value");
          }
          current.env.put(value.substring(0, e), value.substring(e + 1));
        }
        case "ready" -> current.readiness = readiness(value, source, lineNo);
        case "await" -> {
          if (!value.equals("ready")) {
            throw error(source, lineNo, "await=" + value + " is not await=ready");
          }
          current.await = true;
        }
        default -> throw error(
            source, lineNo, "unknown key '" + key + "' (exec, arg, env, ready, await)");
      }
    }
    if (current != null) {
      daemons.add(current.build(source));
    }
    return List.copyOf(daemons);
  }

  private static DaemonSpec.Readiness readiness(String value, String source, int lineNo)
      throws SiteControlException.Refused {
    String[] parts = value.split("\\s+");
    if (parts.length == 2 && parts[1].matches("[0-9]{1,9}")) {
      int n = Integer.parseInt(parts[1]);
      if (parts[0].equals("alive")) {
        return new DaemonSpec.Readiness.AliveFor(Duration.ofMillis(n));
      }
      if (parts[0].equals("port") && n >= 1 && n <= 65535) {
        return new DaemonSpec.Readiness.PortBound(n);
      }
    }
    throw error(source, lineNo, "ready=" + value + " is not 'alive MILLISECONDS' or 'port NUMBER'");
  }

  private static String expand(String value, Map<String, String> variables, String source, int lineNo)
      throws SiteControlException.Refused {
    Matcher m = VARIABLE.matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String v = variables.get(m.group(1));
      if (v == null) {
        throw error(
            source,
            lineNo,
            "unknown variable ${" + m.group(1) + "}; known: " + String.join(", ", new java.util.TreeSet<>(variables.keySet())));
      }
      m.appendReplacement(out, Matcher.quoteReplacement(v));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static SiteControlException.Refused error(String source, int line, String what) {
    return new SiteControlException.Refused(source + ": line " + line + ": " + what);
  }

  private static final class Builder {
    final String name;
    final int line;
    final List<String> command = new ArrayList<>();
    final Map<String, String> env = new LinkedHashMap<>();
    DaemonSpec.Readiness readiness = new DaemonSpec.Readiness.AliveFor(DEFAULT_ALIVE);
    boolean await;

    Builder(String name, int line) {
      this.name = name;
      this.line = line;
    }

    DaemonSpec build(String source) throws SiteControlException.Refused {
      try {
        return new DaemonSpec(name, command, env, readiness, await);
      } catch (IllegalArgumentException e) {
        throw error(source, line, e.getMessage());
      }
    }
  }
}
