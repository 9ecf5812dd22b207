package dev.clusterkit.core.site;

import dev.clusterkit.core.lint.Finding;
import dev.clusterkit.core.lint.Rule;
import dev.clusterkit.core.lint.Severity;
import dev.clusterkit.core.lint.SourceFile;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads site.conf the way the guide describes JobCenter reading it (2.1.5), reporting every line
 * that does not mean what its author probably meant.
 */
public final class SiteConfParser {
  public static final Rule SYNTAX =
      new Rule(
          "SCF001",
          Severity.ERROR,
          "site.conf line is not KEY=value",
          "write each setting as KEY=value on a line of its own, e.g. BOOT_TIMEOUT=180")
          .documented("JobCenter does not read the line, so the setting silently keeps its default", "guide 2.1.5");
  public static final Rule BLANKS =
      new Rule(
          "SCF002",
          Severity.WARNING,
          "blank at the start of a site.conf line or around '='",
          "remove the spaces and tabs: the guide forbids them, and the setting may be ignored")
          .documented("the guide forbids blanks at line start and around =; JobCenter may ignore the setting", "guide 2.1.5");
  public static final Rule OUT_OF_RANGE =
      new Rule(
          "SCF003",
          Severity.WARNING,
          "site.conf value is not a number in range and is rounded",
          "give a whole number of seconds between the key's minimum and 2147483647")
          .documented("JobCenter rounds invalid values to the minimum, so the site may get far less time than meant", "guide 2.1.5, table 2.1");
  public static final Rule UNKNOWN_KEY =
      new Rule(
          "SCF004",
          Severity.WARNING,
          "site.conf key is not one JobCenter knows",
          "use BOOT_TIMEOUT, STOP_TIMEOUT or FORCEKILL_TIME (upper case)")
          .documented("a misspelt key is ignored and the default applies", "guide 2.1.5");
  public static final Rule STOP_NOT_ABOVE_FORCEKILL =
      new Rule(
          "SCF005",
          Severity.ERROR,
          "STOP_TIMEOUT is not greater than FORCEKILL_TIME",
          "raise STOP_TIMEOUT above FORCEKILL_TIME, or every stop becomes a forced kill")
          .documented("every stop becomes a forced kill, so the site is never stopped cleanly", "guide 2.1.5");
  public static final Rule DUPLICATE_KEY =
      new Rule(
          "SCF006",
          Severity.WARNING,
          "site.conf sets a key twice",
          "keep one line per key; the last one is taken")
          .documented("only one of the values takes effect, and which one is easy to misread", "guide 2.1.5");

  /** Every rule this parser applies. */
  public static final List<Rule> RULES =
      List.of(SYNTAX, BLANKS, OUT_OF_RANGE, UNKNOWN_KEY, STOP_NOT_ABOVE_FORCEKILL, DUPLICATE_KEY);

  private SiteConfParser() {}

  /**
   * The site.conf of each folder among {@code files}, by {@link SourceFile#folderKey}: the timing
   * the scripts beside it run under.
   */
  public static Map<String, SiteConf> byFolder(List<SourceFile> files) {
    Map<String, SiteConf> confs = new HashMap<>();
    for (SourceFile f : files) {
      if (f.fileName().equalsIgnoreCase("site.conf")) {
        confs.put(f.folderKey(), parse(f).value());
      }
    }
    return confs;
  }

  /**
   * Parses site.conf text. Lines that are empty or start with {@code #} are skipped (an
   * assumption: the guide shows no comments). A line with blanks at its start or around '=' is
   * reported and still read with the blanks trimmed, since JobCenter's exact behaviour there is not
   * documented; the warning says so.
   */
  public static Parsed<SiteConf> parse(SourceFile file) {
    List<Finding> findings = new ArrayList<>();
    Map<SiteConfKey, Integer> values = new EnumMap<>(SiteConfKey.class);
    Map<SiteConfKey, Integer> lineOf = new EnumMap<>(SiteConfKey.class);
    List<String> lines = file.lines();
    for (int i = 0; i < lines.size(); i++) {
      int lineNo = i + 1;
      String line = lines.get(i);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq < 0) {
        findings.add(SYNTAX.at(file.at(lineNo, 1), "'" + line.strip() + "' has no '='"));
        continue;
      }
      String rawKey = line.substring(0, eq);
      String rawValue = line.substring(eq + 1);
      String key = rawKey.strip();
      String value = rawValue.strip();
      if (key.isEmpty()) {
        findings.add(SYNTAX.at(file.at(lineNo, 1), "'" + line.strip() + "' has no key before '='"));
        continue;
      }
      if (!rawKey.equals(key) || !rawValue.equals(value)) {
        findings.add(
            BLANKS.at(
                file.at(lineNo, firstBlankColumn(rawKey, rawValue)),
                "blanks in '" + line + "': JobCenter may not read this line as " + key));
      }
      SiteConfKey parsedKey;
      try {
        parsedKey = SiteConfKey.valueOf(key);
      } catch (IllegalArgumentException unknown) {
        findings.add(UNKNOWN_KEY.at(file.at(lineNo, 1), "unknown key '" + key + "'"));
        continue;
      }
      SiteConfKey.Clamped clamped = parsedKey.clamp(value);
      if (clamped.adjusted()) {
        findings.add(
            OUT_OF_RANGE.at(
                file.at(lineNo, eq + 2),
                parsedKey
                    + "="
                    + value
                    + " is not a number from "
                    + parsedKey.minimum()
                    + " to "
                    + parsedKey.maximum()
                    + "; JobCenter uses "
                    + clamped.value()));
      }
      if (lineOf.containsKey(parsedKey)) {
        findings.add(
            DUPLICATE_KEY.at(
                file.at(lineNo, 1),
                parsedKey + " is also set on line " + lineOf.get(parsedKey) + "; this line wins"));
      }
      values.put(parsedKey, clamped.value());
      lineOf.put(parsedKey, lineNo);
    }
    SiteConf conf = SiteConf.of(values);
    if (!conf.stopsCleanly()) {
      int line = lineOf.getOrDefault(SiteConfKey.STOP_TIMEOUT, lineOf.getOrDefault(SiteConfKey.FORCEKILL_TIME, 0));
      findings.add(
          STOP_NOT_ABOVE_FORCEKILL.at(
              file.at(line),
              "STOP_TIMEOUT "
                  + conf.stopTimeout()
                  + " is not greater than FORCEKILL_TIME "
                  + conf.forceKillTime()
                  + ": the site is always stopped by force"));
    }
    findings.sort(Finding.ORDER);
    return new Parsed<>(conf, findings);
  }

  /** The 1-based column of the first blank that should not be there in {@code key=value}. */
  private static int firstBlankColumn(String rawKey, String rawValue) {
    if (!rawKey.isEmpty() && Character.isWhitespace(rawKey.charAt(0))) {
      return 1;
    }
    String key = rawKey.stripTrailing();
    if (key.length() < rawKey.length()) {
      return key.length() + 1;
    }
    int valueStart = rawKey.length() + 2;
    if (!rawValue.isEmpty() && Character.isWhitespace(rawValue.charAt(0))) {
      return valueStart;
    }
    return valueStart + rawValue.stripTrailing().length();
  }
}
