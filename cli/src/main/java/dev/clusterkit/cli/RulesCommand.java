package dev.clusterkit.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clusterkit.core.io.StableJson;
import dev.clusterkit.core.lint.Rule;
import dev.clusterkit.core.lint.RuleCatalogue;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "rules",
    description = {
      "Lists every lint rule: core's and each adapter's, with code, severity and summary;",
      "with a CODE, the whole entry: why it matters, how to fix it, and its source.",
      "--format markdown prints docs/rules.md."
    })
final class RulesCommand implements Callable<Integer> {
  /** Output formats. */
  enum Format {
    text,
    json,
    markdown
  }

  @ParentCommand ClusterKitCommand parent;
  @Spec CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "CODE", description = "Show only this rule, in full.")
  Optional<String> code;

  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
      description = "text, json or markdown (default: ${DEFAULT-VALUE}).")
  Format format;

  @Override
  public Integer call() throws CliException {
    RuleCatalogue catalogue = parent.kit().rules();
    List<RuleCatalogue.Entry> entries = catalogue.entries();
    if (code.isPresent()) {
      String wanted = code.get().toUpperCase(java.util.Locale.ROOT);
      entries = entries.stream().filter(e -> e.rule().code().equals(wanted)).toList();
      if (entries.isEmpty()) {
        throw new CliException("no rule has the code '" + code.get() + "' (see 'clusterkit rules')");
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    switch (format) {
      case markdown -> out.print(catalogue.markdown());
      case json -> out.print(json(entries));
      case text -> {
        boolean full = code.isPresent();
        for (RuleCatalogue.Entry e : entries) {
          Rule r = e.rule();
          out.println(r.code() + " " + r.severity().label() + " " + e.module() + ": " + r.summary());
          if (full) {
            out.println("  why: " + r.why());
            out.println("  fix: " + r.hint());
            out.println("  source: " + r.source());
          }
        }
      }
    }
    return ExitCodes.OK;
  }

  private static String json(List<RuleCatalogue.Entry> entries) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    ArrayNode rules = root.putArray("rules");
    for (RuleCatalogue.Entry e : entries) {
      Rule r = e.rule();
      rules.addObject().put("code", r.code()).put("module", e.module()).put("severity", r.severity().label())
          .put("summary", r.summary()).put("why", r.why()).put("fix", r.hint()).put("source", r.source());
    }
    return StableJson.write(root);
  }
}
