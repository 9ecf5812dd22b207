package dev.clusterkit.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clusterkit.core.doctor.CheckResult;
import dev.clusterkit.core.doctor.CheckStatus;
import dev.clusterkit.core.doctor.DoctorReport;
import dev.clusterkit.core.lint.Rule;
import dev.clusterkit.core.lint.Severity;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/**
 * SARIF 2.1.0: one run whose driver lists the {@code DOC} rules; every check result is a result
 * whose {@code kind} is {@code pass}, {@code fail} or {@code notApplicable} (level {@code none}
 * unless it failed), located at the spec file, with the subject, evidence and fix as properties.
 */
final class DoctorSarif implements DoctorOutput {
  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

  @Override
  public String write(DoctorReport report, List<Rule> rules) {
    JsonNodeFactory json = JsonNodeFactory.instance;
    ObjectNode root = json.objectNode();
    root.put("$schema", SCHEMA);
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "clusterkit doctor");
    ArrayNode ruleNodes = driver.putArray("rules");
    for (Rule rule : rules) {
      ObjectNode n = ruleNodes.addObject();
      n.put("id", rule.code());
      n.putObject("shortDescription").put("text", rule.summary());
      n.putObject("fullDescription").put("text", rule.why());
      n.putObject("help").put("text", rule.hint());
      n.putObject("defaultConfiguration").put("level", level(rule.severity()));
      n.putObject("properties").put("source", rule.source());
    }
    ArrayNode results = run.putArray("results");
    String uri = uri(report.spec());
    for (CheckResult r : report.results()) {
      ObjectNode n = results.addObject();
      n.put("ruleId", r.code());
      int index = rules.indexOf(r.rule());
      if (index >= 0) {
        n.put("ruleIndex", index);
      }
      n.put("kind", kind(r.status()));
      n.put("level", r.status() == CheckStatus.FAILED ? level(r.rule().severity()) : "none");
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
    return DoctorOutput.pretty(root);
  }

  static String kind(CheckStatus status) {
    return switch (status) {
      case PASSED -> "pass";
      case FAILED -> "fail";
      case NOT_APPLICABLE -> "notApplicable";
    };
  }

  static String level(Severity severity) {
    return switch (severity) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "note";
    };
  }

  /** The spec path as a relative (or absolute) URI reference, '/'-separated and percent-encoded. */
  static String uri(String path) {
    try {
      return new URI(null, null, path.replace('\\', '/'), null).toASCIIString();
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("spec path '" + path + "' cannot be written as a URI: " + e.getMessage(), e);
    }
  }
}
