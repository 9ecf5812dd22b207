package dev.clusterkit.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clusterkit.core.io.StableJson;
import dev.clusterkit.core.lint.Finding;
import dev.clusterkit.core.lint.LintReport;
import dev.clusterkit.core.lint.Location;
import dev.clusterkit.core.lint.Rule;
import dev.clusterkit.core.lint.RuleCatalogue;
import dev.clusterkit.core.lint.Severity;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The lint report as a SARIF 2.1.0 log, the format code-scanning services (GitHub, GitLab, Azure
 * DevOps) show inline: one run, the rule catalogue as {@code tool.driver.rules}, one result per
 * finding, and the skipped files as tool notifications.
 */
final class Sarif {
  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  static final String INFORMATION_URI = "https://github.com/clusterkit/clusterkit/blob/main/docs/rules.md";

  private Sarif() {}

  static String write(LintReport report, RuleCatalogue catalogue, String version) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    Log log = Log.in(root, "clusterkit");
    ObjectNode run = log.run();
    ObjectNode driver = log.driver();
    driver.put("version", version);
    driver.put("informationUri", INFORMATION_URI);
    ArrayNode rules = driver.putArray("rules");
    Map<String, Integer> index = new HashMap<>();
    for (RuleCatalogue.Entry e : catalogue.entries()) {
      Rule r = e.rule();
      if (index.putIfAbsent(r.code(), index.size()) != null) {
        continue;
      }
      ObjectNode rule = rule(rules, r);
      rule.put("helpUri", INFORMATION_URI + "#" + r.code().toLowerCase(java.util.Locale.ROOT));
      ((ObjectNode) rule.get("properties")).putArray("tags").add(e.module());
    }
    ArrayNode results = run.putArray("results");
    for (Finding f : report.findings()) {
      ObjectNode result = results.addObject();
      result.put("ruleId", f.code());
      Integer i = index.get(f.code());
      if (i != null) {
        result.put("ruleIndex", i);
      }
      result.put("level", level(f.severity()));
      result.putObject("message").put("text", f.message() + " (hint: " + f.hint() + ")");
      ObjectNode physical = result.putArray("locations").addObject().putObject("physicalLocation");
      physical.putObject("artifactLocation").put("uri", uri(f.location().file()));
      region(f.location()).ifPresent(r -> physical.set("region", r));
    }
    ObjectNode invocation = run.putArray("invocations").addObject();
    invocation.put("executionSuccessful", true);
    ArrayNode notes = invocation.putArray("toolExecutionNotifications");
    for (LintReport.Skipped s : report.skipped()) {
      ObjectNode note = notes.addObject();
      note.put("level", "note");
      note.putObject("message").put("text", "skipped: " + s.reason());
      note.putArray("locations").addObject().putObject("physicalLocation").putObject("artifactLocation")
          .put("uri", uri(s.path()));
    }
    run.put("columnKind", "unicodeCodePoints");
    return StableJson.write(root);
  }

  /** The one run of a SARIF 2.1.0 log, and its tool's driver. */
  record Log(ObjectNode run, ObjectNode driver) {
    /** Makes {@code root} a log with one run of {@code tool}. */
    static Log in(ObjectNode root, String tool) {
      root.put("$schema", SCHEMA);
      root.put("version", "2.1.0");
      ObjectNode run = root.putArray("runs").addObject();
      ObjectNode driver = run.putObject("tool").putObject("driver");
      driver.put("name", tool);
      return new Log(run, driver);
    }
  }

  /** The descriptor of {@code r}, added to a driver's {@code rules}. */
  static ObjectNode rule(ArrayNode rules, Rule r) {
    ObjectNode rule = rules.addObject();
    rule.put("id", r.code());
    rule.putObject("shortDescription").put("text", r.summary());
    rule.putObject("fullDescription").put("text", r.why().isBlank() ? r.summary() : r.why());
    rule.putObject("help").put("text", r.hint() + (r.source().isBlank() ? "" : " (source: " + r.source() + ")"));
    rule.putObject("defaultConfiguration").put("level", level(r.severity()));
    rule.putObject("properties").put("source", r.source());
    return rule;
  }

  private static java.util.Optional<ObjectNode> region(Location at) {
    if (at.line() <= 0) {
      return java.util.Optional.empty();
    }
    ObjectNode region = JsonNodeFactory.instance.objectNode();
    region.put("startLine", at.line());
    if (at.column() > 0) {
      region.put("startColumn", at.column());
    }
    return java.util.Optional.of(region);
  }

  /** SARIF levels: error, warning and note (for info). */
  static String level(Severity severity) {
    return switch (severity) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "note";
    };
  }

  /**
   * A relative path stays relative (forward slashes, percent-encoded), so results line up with the
   * repository a CI job checked out; an absolute path becomes a file: URI.
   */
  static String uri(String path) {
    String slashed = path.replace('\\', '/');
    boolean absolute = slashed.startsWith("/") || slashed.matches("[A-Za-z]:/.*");
    try {
      if (absolute) {
        String p = slashed.startsWith("/") ? slashed : "/" + slashed;
        return new URI("file", "", p, null).toASCIIString();
      }
      return new URI(null, null, slashed, null).toASCIIString();
    } catch (URISyntaxException e) {
      return Path.of(path).toUri().toASCIIString();
    }
  }
}
