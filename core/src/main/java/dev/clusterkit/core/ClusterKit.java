package dev.clusterkit.core;

import dev.clusterkit.core.bundle.Bundle;
import dev.clusterkit.core.bundle.BundleBuilder;
import dev.clusterkit.core.bundle.BundleVerifier;
import dev.clusterkit.core.bundle.Version;
import dev.clusterkit.core.lint.Finding;
import dev.clusterkit.core.lint.LintReport;
import dev.clusterkit.core.lint.LintInputs;
import dev.clusterkit.core.lint.Linter;
import dev.clusterkit.core.lint.RuleCatalogue;
import dev.clusterkit.core.lint.SiteFilesLinter;
import dev.clusterkit.core.lint.SourceFile;
import dev.clusterkit.core.lint.deploy.DeploymentLinter;
import dev.clusterkit.core.lint.deploy.SpecFiles;
import dev.clusterkit.core.render.Artifact;
import dev.clusterkit.core.render.RenderException;
import dev.clusterkit.core.render.RenderOptions;
import dev.clusterkit.core.render.TemplateEngine;
import dev.clusterkit.core.spec.ClusterSpec;
import dev.clusterkit.core.spec.SpecException;
import dev.clusterkit.core.spec.SpecLoader;
import dev.clusterkit.core.spi.AdapterRegistry;
import dev.clusterkit.core.spi.ClusterAdapter;
import dev.clusterkit.core.spi.RenderContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one entry point the CLI, the Maven plugin and embedding applications use: load a spec, render
 * its artifacts, lint files.
 */
public final class ClusterKit {
  private final AdapterRegistry registry;
  private final ClassLoader classLoader;

  private ClusterKit(AdapterRegistry registry, ClassLoader classLoader) {
    this.registry = registry;
    this.classLoader = classLoader;
  }

  /** Uses the adapters and templates on this class's class loader. */
  public static ClusterKit create() {
    return create(ClusterKit.class.getClassLoader());
  }

  /** Uses the adapters and templates a class loader sees (e.g. a build plugin's). */
  public static ClusterKit create(ClassLoader classLoader) {
    return new ClusterKit(AdapterRegistry.load(classLoader), classLoader);
  }

  /** Uses the given adapters, with templates from a class loader. */
  public static ClusterKit create(AdapterRegistry registry, ClassLoader classLoader) {
    return new ClusterKit(registry, classLoader);
  }

  public AdapterRegistry registry() {
    return registry;
  }

  public ClusterSpec loadSpec(Path file) throws SpecException, IOException {
    return new SpecLoader(registry).load(file);
  }

  /**
   * Renders the spec's artifacts, each under its target's folder ({@code <target>/...}), sorted by
   * path.
   *
   * @throws IllegalArgumentException when a requested target is not named in the spec
   */
  public List<Artifact> render(ClusterSpec spec, RenderOptions options)
      throws RenderException, IOException {
    List<String> targets = options.targets().isEmpty() ? spec.targetIds() : options.targets();
    for (String t : targets) {
      if (!spec.targets().containsKey(t)) {
        throw new IllegalArgumentException(
            "target '" + t + "' is not named in the spec (it names " + spec.targetIds() + ")");
      }
    }
    TemplateEngine engine = new TemplateEngine(options.templateDir(), classLoader);
    List<Artifact> all = new ArrayList<>();
    for (String id : targets.stream().distinct().sorted().toList()) {
      ClusterAdapter adapter = registry.find(id).orElseThrow();
      RenderContext context = new RenderContext(spec, spec.settingsFor(id), engine.forAdapter(id));
      for (Artifact a : adapter.render(context)) {
        all.add(a.under(id));
      }
    }
    all.sort(Comparator.comparing(Artifact::path));
    for (int i = 1; i < all.size(); i++) {
      if (all.get(i).path().equals(all.get(i - 1).path())) {
        throw new IllegalStateException("two artifacts share the path " + all.get(i).path());
      }
    }
    return all;
  }

  /**
   * Renders the spec and packs the result with the site files, a runbook in {@code language} (en
   * or ja) and a manifest.
   */
  public Bundle bundle(ClusterSpec spec, RenderOptions options, String language)
      throws RenderException, IOException {
    List<Artifact> rendered = render(spec, options);
    Map<String, String> names = new LinkedHashMap<>();
    for (ClusterAdapter adapter : registry.adapters()) {
      names.put(adapter.id(), adapter.displayName());
    }
    return BundleBuilder.build(spec, rendered, names, language, Version.current());
  }

  /** Checks a bundle's files against its manifest and lints them. */
  public BundleReport verifyBundle(Path zip) throws IOException {
    BundleVerifier.Result result = BundleVerifier.verify(zip);
    return new BundleReport(result.problems(), lintSources(result.files()));
  }

  /** What {@link #verifyBundle} found: damage to the bundle, and lint findings in its files. */
  public record BundleReport(List<String> problems, LintReport lint) {
    public BundleReport {
      problems = List.copyOf(problems);
    }
  }

  /**
   * Lints files and folders (walked recursively, in name order). Files that cannot be linted
   * (unreadable, binary, over 1 MiB, not text) are listed as skipped with the reason.
   *
   * @throws java.nio.file.NoSuchFileException when a given path does not exist
   */
  public LintReport lint(List<Path> paths) throws IOException {
    LintInputs.Result inputs = LintInputs.collect(paths);
    return lint(inputs.files(), new ArrayList<>(inputs.skipped()));
  }

  /** Lints files already in memory. */
  public LintReport lintSources(List<SourceFile> files) {
    return lint(files, new ArrayList<>());
  }

  /** Every rule of core and of the adapters found. */
  public RuleCatalogue rules() {
    return RuleCatalogue.of(registry);
  }

  private LintReport lint(List<SourceFile> files, List<LintReport.Skipped> skipped) {
    Map<Linter, List<SourceFile>> claimed = new LinkedHashMap<>();
    List<Linter> linters = new ArrayList<>();
    linters.add(new SiteFilesLinter());
    for (ClusterAdapter adapter : registry.adapters()) {
      linters.add(asLinter(adapter));
    }
    List<String> linted = new ArrayList<>();
    List<SourceFile> lintedFiles = new ArrayList<>();
    List<SourceFile> specs = new ArrayList<>();
    for (SourceFile file : files) {
      boolean any = false;
      if (SpecFiles.recognizes(file)) {
        specs.add(file);
        any = true;
      }
      for (Linter linter : linters) {
        if (linter.recognizes(file)) {
          claimed.computeIfAbsent(linter, l -> new ArrayList<>()).add(file);
          any = true;
        }
      }
      any |= DeploymentLinter.recognizes(file);
      if (any) {
        linted.add(file.path());
        lintedFiles.add(file);
      } else {
        skipped.add(new LintReport.Skipped(file.path(), "no linter recognises this kind of file"));
      }
    }
    // Linters are independent (adapters are stateless and thread-safe, as the SPI requires) and
    // the report sorts the findings, so running them side by side changes nothing but the time.
    List<Finding> findings = new ArrayList<>();
    claimed.entrySet().parallelStream()
        .map(e -> e.getKey().lint(e.getValue()))
        .toList()
        .forEach(findings::addAll);
    List<DeploymentLinter.LoadedSpec> loaded = new ArrayList<>();
    for (SourceFile spec : specs) {
      SpecFiles.Outcome outcome = SpecFiles.load(spec, registry);
      if (outcome instanceof SpecFiles.Loaded l) {
        loaded.add(new DeploymentLinter.LoadedSpec(l.spec(), spec.path()));
      } else if (outcome instanceof SpecFiles.Invalid invalid) {
        findings.addAll(invalid.findings());
      }
    }
    // Comparing files with a spec needs to know which spec: with several, none is assumed.
    Optional<DeploymentLinter.LoadedSpec> spec = loaded.size() == 1 ? Optional.of(loaded.get(0)) : Optional.empty();
    findings.addAll(DeploymentLinter.lint(lintedFiles, spec, findings));
    return new LintReport(findings, linted, skipped);
  }

  private static Linter asLinter(ClusterAdapter adapter) {
    return new Linter() {
      @Override
      public boolean recognizes(SourceFile file) {
        return adapter.recognizes(file);
      }

      @Override
      public List<Finding> lint(List<SourceFile> files) {
        return adapter.lint(files);
      }
    };
  }

  /** Reads one file as {@link #lint(List)} does; empty when it is not text it can read. */
  static Optional<SourceFile> read(Path file) {
    return LintInputs.read(file) instanceof LintInputs.Text t ? Optional.of(t.file()) : Optional.empty();
  }
}
