package dev.clusterkit.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clusterkit.core.io.StableJson;
import dev.clusterkit.core.lint.Finding;
import dev.clusterkit.core.lint.LintReport;
import dev.clusterkit.core.lint.Severity;

/** The two report formats of {@code clusterkit lint}; both are stable, so tools may parse them. */
final class LintOutput {
  /** Bumped only when the JSON document changes incompatibly. */
  static final String JSON_FORMAT = "clusterkit-lint/v1";

  private LintOutput() {}

  /**
   * One {@code path:line:col CODE severity message} line per finding with an indented hint line,
   * then the skipped files, then a summary.
   */
  static String text(LintReport report) {
    StringBuilder s = new StringBuilder();
    for (Finding f : report.findings()) {
      s.append(f).append('\n');
      s.append("  hint: ").append(f.hint()).append('\n');
    }
    for (LintReport.Skipped skipped : report.skipped()) {
      s.append("skipped: ").append(skipped.path()).append(" (").append(skipped.reason()).append(")\n");
    }
    s.append(count(report.linted().size(), "file")).append(" linted: ")
        .append(count(count(report, Severity.ERROR), "error")).append(", ")
        .append(count(count(report, Severity.WARNING), "warning")).append(", ")
        .append(count(count(report, Severity.INFO), "info")).append("; ")
        .append(report.skipped().size()).append(" skipped\n");
    return s.toString();
  }

  /**
   * {@code {"format", "findings": [{code, severity, file, line, column, message, hint}], "linted":
   * [...], "skipped": [{file, reason}]}}; line and column 0 mean the whole file or line.
   */
  static String json(LintReport report) {
    JsonNodeFactory json = JsonNodeFactory.instance;
    ObjectNode root = json.objectNode();
    root.put("format", JSON_FORMAT);
    ArrayNode findings = root.putArray("findings");
    for (Finding f : report.findings()) {
      ObjectNode n = findings.addObject();
      n.put("code", f.code());
      n.put("severity", f.severity().label());
      n.put("file", f.location().file());
      n.put("line", f.location().line());
      n.put("column", f.location().column());
      n.put("message", f.message());
      n.put("hint", f.hint());
    }
    ArrayNode linted = root.putArray("linted");
    report.linted().forEach(linted::add);
    ArrayNode skipped = root.putArray("skipped");
    for (LintReport.Skipped s : report.skipped()) {
      skipped.addObject().put("file", s.path()).put("reason", s.reason());
    }
    return StableJson.write(root);
  }



  private static long count(LintReport report, Severity severity) {
    return report.findings().stream().filter(f -> f.severity() == severity).count();
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 || noun.equals("info") ? "" : "s");
  }
}
