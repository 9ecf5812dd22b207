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
 * SARIF 2.1.0: one run whose driver lists the {@code DOC} rules; every check result is a result
 * whose {@code kind} is {@code pass}, {@code fail} or {@code notApplicable} (level {@code none}
 * unless it failed), located at the spec file, with the subject, evidence and fix as properties.
 */
final class DoctorSarif implements DoctorOutput {
  @Override
  public String write(DoctorReport report, List<Rule> rules) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    Sarif.Log log = Sarif.Log.in(root, "clusterkit doctor");
    ObjectNode run = log.run();
    ArrayNode ruleNodes = log.driver().putArray("rules");
    for (Rule rule : rules) {
      Sarif.rule(ruleNodes, rule);
    }
    ArrayNode results = run.putArray("results");
    String uri = Sarif.uri(report.spec());
    for (CheckResult r : report.results()) {
      ObjectNode n = results.addObject();
      n.put("ruleId", r.code());
      int index = rules.indexOf(r.rule());
      if (index >= 0) {
        n.put("ruleIndex", index);
      }
      n.put("kind", kind(r.status()));
      n.put("level", r.status() == CheckStatus.FAILED ? Sarif.level(r.rule().severity()) : "none");
      n.putObject("message").put("text", r.subject() + ": " + r.message());
      n.putArray("locations").addObject().putObject("physicalLocation").putObject("artifactLocation").put("uri", uri);
      ObjectNode properties = n.putObject("properties");
      properties.put("subject", r.subject());
      ArrayNode evidence = properties.putArray("evidence");
      r.evidence().forEach(evidence::add);
      if (!r.fix().isEmpty()) {
        properties.put("fix", r.fix());
      }
    }
    return StableJson.write(root);
  }

  static String kind(CheckStatus status) {
    return switch (status) {
      case PASSED -> "pass";
      case FAILED -> "fail";
      case NOT_APPLICABLE -> "notApplicable";
    };
  }
}
