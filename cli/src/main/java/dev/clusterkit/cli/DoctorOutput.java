package dev.clusterkit.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clusterkit.core.doctor.CheckResult;
import dev.clusterkit.core.doctor.CheckStatus;
import dev.clusterkit.core.doctor.DoctorReport;
import dev.clusterkit.core.io.StableJson;
import dev.clusterkit.core.lint.Rule;
import java.util.List;

/**
 * A report format of {@code clusterkit doctor}. Kept behind this interface, apart from lint's
 * formats, so the SARIF writer can later share code with lint's without touching the command.
 */
interface DoctorOutput {

  /** The report as the text to print; {@code rules} are the registry entries of every check. */
  String write(DoctorReport report, List<Rule> rules);

  /** One line per result ({@code CODE status subject: message}), its evidence and fix indented, then a summary. */
  final class Text implements DoctorOutput {
    @Override
    public String write(DoctorReport report, List<Rule> rules) {
      StringBuilder s = new StringBuilder();
      for (CheckResult r : report.results()) {
        s.append(r.code()).append(' ').append(r.status().label()).append(' ')
            .append(r.subject()).append(": ").append(r.message()).append('\n');
        for (String e : r.evidence()) {
          s.append("  evidence: ").append(e).append('\n');
        }
        if (!r.fix().isEmpty()) {
          s.append("  fix: ").append(r.fix()).append('\n');
        }
      }
      s.append(report.results().size()).append(" results: ")
          .append(report.count(CheckStatus.PASSED)).append(" passed, ")
          .append(report.count(CheckStatus.FAILED)).append(" failed, ")
          .append(report.count(CheckStatus.NOT_APPLICABLE)).append(" not applicable\n");
      return s.toString();
    }
  }

  /**
   * {@code {"format", "spec", "results": [{code, status, severity, subject, message, evidence: [],
   * fix}], "summary": {passed, failed, notApplicable}}}.
   */
  final class Json implements DoctorOutput {
    /** Bumped only when the document changes incompatibly. */
    static final String FORMAT = "clusterkit-doctor/v1";

    @Override
    public String write(DoctorReport report, List<Rule> rules) {
      ObjectNode root = JsonNodeFactory.instance.objectNode();
      root.put("format", FORMAT);
      root.put("spec", report.spec());
      ArrayNode results = root.putArray("results");
      for (CheckResult r : report.results()) {
        ObjectNode n = results.addObject();
        n.put("code", r.code());
        n.put("status", r.status().label());
        n.put("severity", r.rule().severity().label());
        n.put("subject", r.subject());
        n.put("message", r.message());
        ArrayNode evidence = n.putArray("evidence");
        r.evidence().forEach(evidence::add);
        n.put("fix", r.fix());
      }
      ObjectNode summary = root.putObject("summary");
      summary.put("passed", report.count(CheckStatus.PASSED));
      summary.put("failed", report.count(CheckStatus.FAILED));
      summary.put("notApplicable", report.count(CheckStatus.NOT_APPLICABLE));
      return StableJson.write(root);
    }
  }


}
