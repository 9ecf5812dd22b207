package dev.clusterkit.core;

import dev.clusterkit.core.bundle.Bundle;
import dev.clusterkit.core.bundle.BundleBuilder;
import dev.clusterkit.core.bundle.BundleVerifier;
import dev.clusterkit.core.bundle.Version;
import dev.clusterkit.core.lint.Finding;
import dev.clusterkit.core.lint.LintReport;
import dev.clusterkit.core.lint.Linter;
import dev.clusterkit.core.lint.SiteFilesLinter;
import dev.clusterkit.core.lint.SourceFile;
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
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

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

  /** Lints files and folders (walked recursively, in name order). */
  public LintReport lint(List<Path> paths) throws IOException {
    List<SourceFile> files = new ArrayList<>();
    List<LintReport.Skipped> skipped = new ArrayList<>();
    for (Path p : paths) {
      if (!Files.exists(p)) {
        throw new java.nio.file.NoSuchFileException(p.toString(), null, "no such file or folder");
      }
      List<Path> found;
      try (Stream<Path> walk = Files.walk(p)) {
        found = walk.filter(Files::isRegularFile).sorted().toList();
      }
      for (Path f : found) {
        read(f).ifPresentOrElse(files::add, () -> skipped.add(new LintReport.Skipped(f.toString(), "not UTF-8 (or UTF-16LE with a BOM) text")));
      }
    }
    return lint(files, skipped);
  }

  /** Lints files already in memory. */
  public LintReport lintSources(List<SourceFile> files) {
    return lint(files, new ArrayList<>());
  }

  private LintReport lint(List<SourceFile> files, List<LintReport.Skipped> skipped) {
    Map<Linter, List<SourceFile>> claimed = new LinkedHashMap<>();
    List<Linter> linters = new ArrayList<>();
    linters.add(new SiteFilesLinter());
    for (ClusterAdapter adapter : registry.adapters()) {
      linters.add(asLinter(adapter));
    }
    List<String> linted = new ArrayList<>();
    for (SourceFile file : files) {
      boolean any = false;
      for (Linter linter : linters) {
        if (linter.recognizes(file)) {
          claimed.computeIfAbsent(linter, l -> new ArrayList<>()).add(file);
          any = true;
        }
      }
      if (any) {
        linted.add(file.path());
      } else {
        skipped.add(new LintReport.Skipped(file.path(), "no linter recognises this kind of file"));
      }
    }
    List<Finding> findings = new ArrayList<>();
    claimed.forEach((linter, mine) -> findings.addAll(linter.lint(mine)));
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

  /**
   * Reads a file as UTF-8; as UTF-16LE when it starts with that byte order mark (a form Windows
   * scripts legitimately take); and a batch file that is not UTF-8 in the OEM code page CP932, as
   * cmd.exe reads it. The bytes are kept for the encoding rules.
   */
  static java.util.Optional<SourceFile> read(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    boolean utf16le = bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE;
    java.nio.charset.Charset first = utf16le ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_8;
    java.util.Optional<String> text = decode(bytes, first);
    if (text.isPresent()) {
      return java.util.Optional.of(SourceFile.read(file.toString(), text.get(), first.name(), bytes));
    }
    String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    if (name.endsWith(".bat") || name.endsWith(".cmd")) {
      java.nio.charset.Charset oem = java.nio.charset.Charset.forName("windows-31j");
      return decode(bytes, oem).map(t -> SourceFile.read(file.toString(), t, oem.name(), bytes));
    }
    return java.util.Optional.empty();
  }

  private static java.util.Optional<String> decode(byte[] bytes, java.nio.charset.Charset charset) {
    try {
      return java.util.Optional.of(
          charset
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(bytes))
              .toString());
    } catch (CharacterCodingException e) {
      return java.util.Optional.empty();
    }
  }
}
