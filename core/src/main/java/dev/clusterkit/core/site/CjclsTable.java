package dev.clusterkit.core.site;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code cjcls} table of guide 2.5.3, written and read:
 *
 * <pre>
 * SITE-NAME  DAEMON-PID  DB-PATH(LINK)                                  CJCPW
 * testsite   1320        /mnt/jobdb (/usr/spool/nqs/0AC0120A)           ON
 * othersite  SHUT        /mnt/other-jobdb (/usr/spool/nqs/0AC0120B)     OFF
 * </pre>
 *
 * Columns are separated by blanks (spaces or tabs, any number), so both the aligned form we write
 * and the tab-separated form of the guide parse.
 */
public final class CjclsTable {
  public static final List<String> HEADER = List.of("SITE-NAME", "DAEMON-PID", "DB-PATH(LINK)", "CJCPW");

  private static final Pattern ROW =
      Pattern.compile("(\\S+)[ \\t]+(\\d+|SHUT)[ \\t]+(\\S+)[ \\t]+\\((\\S+)\\)[ \\t]+(ON|OFF)");

  private CjclsTable() {}

  /** The table, one row per site in name order, columns aligned with spaces, LF line ends. */
  public static String format(List<SiteStatus> sites) {
    List<SiteStatus> sorted = new ArrayList<>(sites);
    sorted.sort(Comparator.comparing(SiteStatus::name).thenComparing(SiteStatus::link));
    List<List<String>> rows = new ArrayList<>();
    rows.add(HEADER);
    for (SiteStatus s : sorted) {
      rows.add(
          List.of(
              s.name(),
              s.daemonPid().map(String::valueOf).orElse("SHUT"),
              s.database() + " (" + s.link() + ")",
              s.supervised() ? "ON" : "OFF"));
    }
    int[] width = new int[HEADER.size()];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        width[i] = Math.max(width[i], row.get(i).length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        String cell = row.get(i);
        out.append(cell);
        if (i < row.size() - 1) {
          out.append(" ".repeat(width[i] - cell.length() + 2));
        }
      }
      out.append('\n');
    }
    return out.toString();
  }

  /**
   * Reads {@code cjcls} output.
   *
   * @param source what produced the text, for error messages (e.g. the command's path)
   * @throws SiteControlException.BadOutput naming the line and what is wrong with it
   */
  public static List<SiteStatus> parse(String text, String source)
      throws SiteControlException.BadOutput {
    List<String> lines = text.replace("\r\n", "\n").lines().toList();
    int lineNo = 0;
    int headerLine = -1;
    List<SiteStatus> sites = new ArrayList<>();
    for (String raw : lines) {
      lineNo++;
      String line = raw.strip();
      if (line.isEmpty()) {
        continue;
      }
      if (headerLine < 0) {
        List<String> header = List.of(line.split("[ \\t]+"));
        if (!header.equals(HEADER)) {
          throw new SiteControlException.BadOutput(
              source, lineNo, "expected the header 'SITE-NAME DAEMON-PID DB-PATH(LINK) CJCPW', got '" + line + "'");
        }
        headerLine = lineNo;
        continue;
      }
      Matcher m = ROW.matcher(line);
      if (!m.matches()) {
        throw new SiteControlException.BadOutput(
            source,
            lineNo,
            "'" + line + "' is not 'SITE-NAME PID|SHUT DB-PATH (LINK) ON|OFF'");
      }
      Optional<Long> pid = Optional.empty();
      if (!m.group(2).equals("SHUT")) {
        try {
          pid = Optional.of(Long.parseLong(m.group(2)));
        } catch (NumberFormatException e) {
          throw new SiteControlException.BadOutput(source, lineNo, "DAEMON-PID '" + m.group(2) + "' is too large");
        }
      }
      try {
        sites.add(new SiteStatus(m.group(1), pid, m.group(3), m.group(4), m.group(5).equals("ON")));
      } catch (IllegalArgumentException e) {
        throw new SiteControlException.BadOutput(source, lineNo, e.getMessage());
      }
    }
    if (headerLine < 0) {
      throw new SiteControlException.BadOutput(source, Math.max(lineNo, 1), "no 'SITE-NAME DAEMON-PID DB-PATH(LINK) CJCPW' header");
    }
    return List.copyOf(sites);
  }

  /** The sites as a JSON array, in the same order as {@link #format}, keys in a fixed order. */
  public static String toJson(List<SiteStatus> sites) {
    List<SiteStatus> sorted = new ArrayList<>(sites);
    sorted.sort(Comparator.comparing(SiteStatus::name).thenComparing(SiteStatus::link));
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < sorted.size(); i++) {
      SiteStatus s = sorted.get(i);
      out.append(i == 0 ? "\n" : ",\n")
          .append("  {\"site\": ")
          .append(quote(s.name()))
          .append(", \"daemonPid\": ")
          .append(s.daemonPid().map(String::valueOf).orElse("null"))
          .append(", \"database\": ")
          .append(quote(s.database()))
          .append(", \"link\": ")
          .append(quote(s.link()))
          .append(", \"cjcpw\": ")
          .append(s.supervised() ? "\"ON\"" : "\"OFF\"")
          .append('}');
    }
    return out.append(sorted.isEmpty() ? "]\n" : "\n]\n").toString();
  }

  private static String quote(String s) {
    StringBuilder q = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> q.append("\\\"");
        case '\\' -> q.append("\\\\");
        default -> {
          if (c < 0x20) {
            q.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            q.append(c);
          }
        }
      }
    }
    return q.append('"').toString();
  }
}
