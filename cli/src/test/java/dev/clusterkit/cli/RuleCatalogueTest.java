package dev.clusterkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterkit.core.ClusterKit;
import dev.clusterkit.core.lint.Finding;
import dev.clusterkit.core.lint.Rule;
import dev.clusterkit.core.lint.RuleCatalogue;
import dev.clusterkit.core.lint.Severity;
import dev.clusterkit.core.lint.SourceFile;
import dev.clusterkit.core.render.Artifact;
import dev.clusterkit.core.site.Platform;
import dev.clusterkit.core.spi.RenderContext;
import dev.clusterkit.core.spi.ClusterAdapter;
import dev.clusterkit.core.spi.AdapterRegistry;
import dev.clusterkit.testkit.LintCases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The rule catalogue of the distribution (core and every shipped adapter): complete, with codes
 * unique across modules, every rule covered by a lint case of its module, and docs/rules.md
 * generated from it.
 */
class RuleCatalogueTest {
  private static final String REGENERATE =
      "./mvnw -q -DskipTests package && ./clusterkit rules --format markdown > docs/rules.md";

  private static RuleCatalogue catalogue() {
    return RuleCatalogue.of(TestSetup.production());
  }

  @Test
  void everyRuleIsDocumentedAndNoCodeIsUsedTwice() {
    assertEquals(List.of(), catalogue().problems());
  }

  @Test
  void theCatalogueHoldsCoreAndEveryShippedAdapter() {
    Set<String> modules = new TreeSet<>();
    catalogue().entries().forEach(e -> modules.add(e.module()));
    Set<String> expected = new TreeSet<>(TestSetup.production().ids());
    expected.add(RuleCatalogue.CORE);
    assertEquals(expected, modules);
  }

  @Test
  void problemsNameAReusedCodeAndAMissingWhy() {
    ClusterAdapter clash = new ClusterAdapter() {
      @Override
      public String id() {
        return "clash";
      }

      @Override
      public String displayName() {
        return "Clash";
      }

      @Override
      public Set<Platform> platforms() {
        return Set.of(Platform.LINUX);
      }

      @Override
      public List<Artifact> render(RenderContext context) {
        return List.of();
      }

      @Override
      public boolean recognizes(SourceFile file) {
        return false;
      }

      @Override
      public List<Finding> lint(List<SourceFile> files) {
        return List.of();
      }

      @Override
      public List<Rule> rules() {
        return List.of(new Rule("SCF001", Severity.ERROR, "taken", "fix"), new Rule("CLA001", Severity.INFO, "new", "fix"));
      }
    };
    List<String> problems = RuleCatalogue.of(AdapterRegistry.of(List.of(clash))).problems();
    assertTrue(problems.contains("SCF001 is used by core and again by clash: a code belongs to one rule, never reused"),
        problems.toString());
    assertTrue(problems.contains("CLA001 (clash) has no why: give it with Rule.documented(why, source)"), problems.toString());
    assertTrue(problems.contains("CLA001 (clash) has no source: give it with Rule.documented(why, source)"), problems.toString());
  }

  /**
   * Every module keeps data-driven cases in src/test/resources/lint/cases/CODE-..., and each
   * module's own test checks that its cases give exactly the findings they expect. Here: every
   * code of the catalogue is expected by some case of the module that owns it.
   */
  @Test
  void everyRuleHasALintCaseInItsModule() throws IOException {
    List<String> missing = new ArrayList<>();
    for (RuleCatalogue.Entry e : catalogue().entries()) {
      Path cases = TestSetup.repoRoot().resolve(moduleDir(e.module())).resolve("src/test/resources/lint/cases");
      Set<String> covered = Files.isDirectory(cases) ? LintCases.covered(cases) : Set.of();
      if (!covered.contains(e.rule().code())) {
        missing.add(e.rule().code() + " (" + e.module() + "): no case in " + TestSetup.repoRoot().relativize(cases)
            + " expects it");
      }
    }
    assertEquals(List.of(), missing);
  }

  private static String moduleDir(String module) {
    return module.equals(RuleCatalogue.CORE) ? "core" : "adapter-" + module;
  }

  @Test
  void committedRulesMarkdownIsWhatTheDistributionPrints() throws IOException {
    Cli.Result r = Cli.run(() -> ClusterKit.create(TestSetup.production(), getClass().getClassLoader()),
        "rules", "--format", "markdown");
    assertEquals(0, r.exit(), r.describe());
    assertEquals(catalogue().markdown(), r.out());
    assertEquals(r.out(), Files.readString(TestSetup.repoRoot().resolve("docs/rules.md")),
        "docs/rules.md is out of date (a rule was added or changed); regenerate it with `" + REGENERATE
            + "`, review and commit it");
  }

  @Test
  void rulesListsEveryCodeAndShowsOneInFull() {
    Cli.Result all = Cli.run("rules");
    assertEquals(0, all.exit(), all.describe());
    assertTrue(all.outLines().contains("XF001 error core: the files of one site name different sites"), all.out());
    assertTrue(all.outLines().contains("FAK001 error fake-cluster: an ERROR line"), all.out());

    Cli.Result one = Cli.run("rules", "scf005");
    assertEquals(List.of(
            "SCF005 error core: STOP_TIMEOUT is not greater than FORCEKILL_TIME",
            "  why: every stop becomes a forced kill, so the site is never stopped cleanly",
            "  fix: raise STOP_TIMEOUT above FORCEKILL_TIME, or every stop becomes a forced kill",
            "  source: guide 2.1.5"),
        one.outLines());

    Cli.Result unknown = Cli.run("rules", "XX999");
    assertEquals(2, unknown.exit());
    assertEquals("clusterkit rules: no rule has the code 'XX999' (see 'clusterkit rules')\n", unknown.err());
  }
}
