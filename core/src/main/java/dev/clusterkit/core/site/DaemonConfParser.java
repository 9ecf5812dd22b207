package dev.clusterkit.core.site;

import dev.clusterkit.core.lint.Finding;
import dev.clusterkit.core.lint.Location;
import dev.clusterkit.core.lint.Rule;
import dev.clusterkit.core.lint.Severity;
import dev.clusterkit.core.lint.SourceFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the settings of a daemon.conf that matter to a cluster site and checks them. Other keys
 * (daemon.conf has many) are left alone.
 */
public final class DaemonConfParser {
  static final String LOCAL_DAEMON = "local_daemon";
  static final String IPADDRESS = "ipaddress";
  static final String MAINTENANCE = "maintenance";

  public static final Rule SYNTAX =
      new Rule(
          "DCF001",
          Severity.ERROR,
          "daemon.conf line is not key=value",
          "write each setting as key=value, or start the line with # to comment it out")
          .documented("JobCenter cannot read the line", "guide 2.3.6");
  public static final Rule BAD_LOCAL_DAEMON =
      new Rule(
          "DCF002",
          Severity.ERROR,
          "local_daemon is neither SITE nor OFF",
          "set local_daemon=SITE to run the local site beside cluster sites, or local_daemon=OFF")
          .documented("the local site does not start as intended beside the cluster site", "guide 2.3.6");
  public static final Rule BAD_IPADDRESS =
      new Rule(
          "DCF003",
          Severity.ERROR,
          "ipaddress is not an IPv4 address",
          "set ipaddress to the dotted IPv4 address the site listens on")
          .documented("the site cannot listen on its address", "guide 2.3.6, 2.4.6");
  public static final Rule MAINTENANCE_ON =
      new Rule(
          "DCF004",
          Severity.WARNING,
          "maintenance=ON: cjcpw starts without the JobCenter daemons",
          "remove maintenance=ON once the maintenance work on the site database is done")
          .documented("cjcpw starts alone and no job runs until it is removed", "guide 2.5.5");
  public static final Rule WRONG_IPADDRESS =
      new Rule(
          "DCF005",
          Severity.ERROR,
          "the cluster site's ipaddress is not its relocatable address",
          "set ipaddress in the site's daemon.conf to the relocatable address its name resolves to")
          .documented("the site listens on an address that does not move with it, so clients lose it at failover", "guide 2.3.6");
  public static final Rule MISSING_IPADDRESS =
      new Rule(
          "DCF006",
          Severity.ERROR,
          "the cluster site's daemon.conf has no ipaddress",
          "add ipaddress=<relocatable address> to <site database>/nqs/daemon.conf on both nodes")
          .documented("with several sites on one machine the cluster site does not know which address to listen on", "guide 2.3.6, 2.4.6");
  public static final Rule MISSING_LOCAL_DAEMON =
      new Rule(
          "DCF007",
          Severity.WARNING,
          "local_daemon is not set while a cluster site exists",
          "add local_daemon=SITE (or OFF) to the common daemon.conf on both nodes (guide 2.3.6)")
          .documented("the local site and the cluster site cannot run side by side as intended", "guide 2.3.6");
  public static final Rule DUPLICATE_KEY =
      new Rule(
          "DCF008",
          Severity.WARNING,
          "daemon.conf sets a key twice",
          "keep one line per key; the last one is assumed to win")
          .documented("only one of the values takes effect, and which one is easy to misread", "guide 2.3.6");
  public static final Rule BAD_MAINTENANCE =
      new Rule(
          "DCF009",
          Severity.ERROR,
          "maintenance has a value other than ON or OFF",
          "write maintenance=ON to enable maintenance mode, or remove the line")
          .documented("maintenance mode is neither clearly on nor off", "guide 2.5.5");

  public static final List<Rule> RULES =
      List.of(
          SYNTAX,
          BAD_LOCAL_DAEMON,
          BAD_IPADDRESS,
          MAINTENANCE_ON,
          WRONG_IPADDRESS,
          MISSING_IPADDRESS,
          MISSING_LOCAL_DAEMON,
          DUPLICATE_KEY,
          BAD_MAINTENANCE);

  private DaemonConfParser() {}

  /** The key of a {@code key=value} line, or null for comments, blanks and malformed lines. */
  static String keyOf(String line) {
    String s = line.strip();
    if (s.isEmpty() || s.startsWith("#")) {
      return null;
    }
    int eq = s.indexOf('=');
    return eq <= 0 ? null : s.substring(0, eq).strip();
  }

  public static Parsed<DaemonConf> parse(SourceFile file) {
    List<Finding> findings = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    Optional<DaemonConf.LocalDaemon> localDaemon = Optional.empty();
    Optional<RelocatableAddress> address = Optional.empty();
    boolean maintenance = false;
    List<String> lines = file.lines();
    for (int i = 0; i < lines.size(); i++) {
      int lineNo = i + 1;
      String raw = lines.get(i);
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String key = keyOf(line);
      if (key == null) {
        findings.add(SYNTAX.at(file.at(lineNo, 1), "'" + line + "' has no key=value form"));
        continue;
      }
      String value = line.substring(line.indexOf('=') + 1).strip();
      Location where = file.at(lineNo, valueColumn(raw));
      Integer previous = seen.put(key, lineNo);
      if (previous != null
          && (key.equals(LOCAL_DAEMON) || key.equals(IPADDRESS) || key.equals(MAINTENANCE))) {
        findings.add(
            DUPLICATE_KEY.at(file.at(lineNo, 1), key + " is also set on line " + previous));
      }
      switch (key) {
        case LOCAL_DAEMON -> {
          try {
            localDaemon = Optional.of(DaemonConf.LocalDaemon.valueOf(value));
          } catch (IllegalArgumentException e) {
            findings.add(BAD_LOCAL_DAEMON.at(where, "local_daemon=" + value + " is not SITE or OFF"));
          }
        }
        case IPADDRESS -> {
          try {
            address = Optional.of(new RelocatableAddress(value));
          } catch (IllegalArgumentException e) {
            findings.add(BAD_IPADDRESS.at(where, e.getMessage()));
          }
        }
        case MAINTENANCE -> {
          if (value.equals("ON")) {
            maintenance = true;
            findings.add(
                MAINTENANCE_ON.at(
                    file.at(lineNo, 1),
                    "maintenance=ON: cjcpw will start alone and no job runs until it is removed"));
          } else if (value.equals("OFF")) {
            maintenance = false;
          } else {
            findings.add(BAD_MAINTENANCE.at(where, "maintenance=" + value + " is not ON or OFF"));
          }
        }
        default -> {
          // Another JobCenter setting: not ours to judge.
        }
      }
    }
    findings.sort(Finding.ORDER);
    return new Parsed<>(new DaemonConf(localDaemon, address, maintenance), findings);
  }

  /**
   * Checks a cluster site's own daemon.conf: it must listen on the site's relocatable address
   * (guide 2.3.6).
   */
  public static List<Finding> checkSiteFile(SourceFile file, RelocatableAddress expected) {
    Parsed<DaemonConf> parsed = parse(file);
    List<Finding> findings = new ArrayList<>(parsed.findings());
    Optional<RelocatableAddress> actual = parsed.value().ipAddress();
    // An ipaddress line whose value is invalid is already reported by parse().
    if (actual.isEmpty() && lineOfKey(file, IPADDRESS) == 0) {
      findings.add(MISSING_IPADDRESS.at(Location.of(file.path()), "no ipaddress= line"));
    } else if (actual.isPresent() && !actual.get().equals(expected)) {
      int line = lineOfKey(file, IPADDRESS);
      findings.add(
          WRONG_IPADDRESS.at(
              file.at(line),
              "ipaddress is " + actual.get() + " but the site's relocatable address is " + expected));
    }
    findings.sort(Finding.ORDER);
    return findings;
  }

  /** Checks the node-wide daemon.conf of a node that runs cluster sites. */
  public static List<Finding> checkCommonFile(SourceFile file) {
    Parsed<DaemonConf> parsed = parse(file);
    List<Finding> findings = new ArrayList<>(parsed.findings());
    if (parsed.value().localDaemon().isEmpty()
        && findings.stream().noneMatch(f -> f.code().equals(BAD_LOCAL_DAEMON.code()))) {
      findings.add(MISSING_LOCAL_DAEMON.at(Location.of(file.path()), "no local_daemon= line"));
    }
    findings.sort(Finding.ORDER);
    return findings;
  }

  /** The 1-based column where the value of a {@code key=value} line starts. */
  private static int valueColumn(String line) {
    int column = line.indexOf('=') + 1;
    while (column < line.length() && Character.isWhitespace(line.charAt(column))) {
      column++;
    }
    return column + 1;
  }

  private static int lineOfKey(SourceFile file, String key) {
    int found = 0;
    List<String> lines = file.lines();
    for (int i = 0; i < lines.size(); i++) {
      if (key.equals(keyOf(lines.get(i)))) {
        found = i + 1;
      }
    }
    return found;
  }
}
