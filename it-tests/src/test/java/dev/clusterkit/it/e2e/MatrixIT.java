package dev.clusterkit.it.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.clusterkit.core.ClusterKit;
import dev.clusterkit.core.bundle.Bundle;
import dev.clusterkit.core.lint.Finding;
import dev.clusterkit.core.lint.LintReport;
import dev.clusterkit.core.render.Artifact;
import dev.clusterkit.core.render.RenderOptions;
import dev.clusterkit.core.site.Platform;
import dev.clusterkit.core.spec.ClusterSpec;
import dev.clusterkit.core.spi.ClusterAdapter;
import dev.clusterkit.testkit.Shell;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every artifact of every spec of the matrix ({@link MatrixSpecs}), rendered for every target its
 * platform has: shell scripts parsed by the shells that run them and shellchecked in their dialect,
 * everything (site files and runbook included, as {@code clusterkit package} bundles them) fed back
 * to {@link ClusterKit#lint}, and the whole rendered twice to the same bytes.
 */
class MatrixIT {
  @TempDir static Path dir;

  /** One spec of the matrix, loaded and bundled, with the folder its bundle was written to. */
  private record Rendered(MatrixSpecs.Spec spec, ClusterSpec loaded, Bundle bundle, Path folder) {}

  /** A file of a bundle on disk. */
  private record File(Rendered owner, Artifact artifact, Path path, ArtifactKind kind) {
    String name() {
      return owner.spec.name() + ":" + artifact.path();
    }
  }

  private static final ClusterKit KIT = ClusterKit.create();
  private static final List<Rendered> RENDERED = new ArrayList<>();
  private static final List<File> FILES = new ArrayList<>();
  private static final List<String> UNKNOWN_KINDS = new ArrayList<>();

  @BeforeAll
  static void renderTheMatrix() throws Exception {
    Path specs = dir.resolve("specs");
    for (MatrixSpecs.Spec spec : MatrixSpecs.all(Repo.root())) {
      ClusterSpec loaded;
      try {
        loaded = KIT.loadSpec(spec.writeTo(specs));
      } catch (Exception e) {
        throw new AssertionError("matrix spec " + spec.name() + " does not load:\n" + e.getMessage() + "\n" + spec.yaml(), e);
      }
      Bundle bundle;
      try {
        bundle = KIT.bundle(loaded, RenderOptions.ALL, "en");
      } catch (Exception e) {
        throw new AssertionError("matrix spec " + spec.name() + " does not render: " + e.getMessage() + "\n" + spec.yaml(), e);
      }
      Path folder = dir.resolve("out").resolve(spec.name());
      Rendered r = new Rendered(spec, loaded, bundle, folder);
      RENDERED.add(r);
      for (Artifact a : bundle.files()) {
        Path file = folder.resolve(a.path());
        Files.createDirectories(file.getParent());
        Files.write(file, a.bytes());
        ArtifactKind.of(a.path(), a.text())
            .ifPresentOrElse(k -> FILES.add(new File(r, a, file, k)), () -> UNKNOWN_KINDS.add(spec.name() + ":" + a.path()));
      }
    }
    System.out.printf(
        "matrix: %d specs, %d files, %d of them shell scripts%n",
        RENDERED.size(), FILES.size(), FILES.stream().filter(f -> f.kind.isShell()).count());
  }

  @Test
  void everyPlatformIsRenderedForEveryTargetThatServesIt() {
    Map<Platform, Set<String>> served = new TreeMap<>();
    for (ClusterAdapter a : KIT.registry().adapters()) {
      a.platforms().forEach(p -> served.computeIfAbsent(p, x -> new TreeSet<>()).add(a.id()));
    }
    assertTrue(served.size() >= 4, "the adapters serve " + served.keySet());
    List<String> missing = new ArrayList<>();
    for (Map.Entry<Platform, Set<String>> e : served.entrySet()) {
      // A generated spec of the platform names every target serving it, and renders for each.
      boolean covered =
          RENDERED.stream()
              .filter(r -> r.loaded.sites().stream().anyMatch(s -> s.site().platform() == e.getKey()))
              .filter(r -> MatrixSpecs.generated().stream().anyMatch(g -> g.name().equals(r.spec.name())))
              .anyMatch(r -> e.getValue().stream().allMatch(t -> rendersFor(r, t)));
      if (!covered) {
        missing.add(e.getKey().id() + " with " + e.getValue());
      }
    }
    assertEquals(List.of(), missing, "platforms not rendered for all their targets in one spec");
    Set<String> everyTarget = new TreeSet<>();
    RENDERED.forEach(r -> r.bundle.files().forEach(f -> everyTarget.add(f.path().split("/")[0])));
    for (ClusterAdapter a : KIT.registry().adapters()) {
      assertTrue(everyTarget.contains(a.id()), "nothing rendered for " + a.id());
    }
  }

  private static boolean rendersFor(Rendered r, String target) {
    return r.bundle.files().stream().anyMatch(f -> f.path().startsWith(target + "/"));
  }

  @Test
  void everyFileIsOfAKindWeKnowHowToCheck() {
    assertEquals(List.of(), UNKNOWN_KINDS, "files of no known kind: decide in ArtifactKind how they are checked");
  }

  @Test
  void renderingTwiceGivesTheSameBytes() throws Exception {
    ClusterKit again = ClusterKit.create();
    List<String> differ = new ArrayList<>();
    for (Rendered r : RENDERED) {
      ClusterSpec reloaded = again.loadSpec(r.spec.writeTo(dir.resolve("specs-again")));
      List<Artifact> first = KIT.render(r.loaded, RenderOptions.ALL);
      List<Artifact> second = again.render(reloaded, RenderOptions.ALL);
      compare(r.spec.name() + " render", first, second, differ);
      compare(r.spec.name() + " bundle", r.bundle.files(), again.bundle(reloaded, RenderOptions.ALL, "en").files(), differ);
    }
    assertEquals(List.of(), differ);
  }

  private static void compare(String what, List<Artifact> a, List<Artifact> b, List<String> differ) {
    List<String> pathsA = a.stream().map(Artifact::path).toList();
    List<String> pathsB = b.stream().map(Artifact::path).toList();
    if (!pathsA.equals(pathsB)) {
      differ.add(what + ": paths " + pathsA + " then " + pathsB);
      return;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!Arrays.equals(a.get(i).bytes(), b.get(i).bytes()) || a.get(i).mode() != b.get(i).mode()) {
        differ.add(what + ": " + a.get(i).path());
      }
    }
  }

  @Test
  void everyShellScriptParsesInEveryShellThatRunsIt() {
    List<String> failures = new ArrayList<>();
    int runs = 0;
    for (File f : FILES) {
      for (String shell : f.kind.shells()) {
        Shell.requireTool(shell, shell.equals("sh") ? "dash" : shell);
        // /bin/sh as bash is bash in POSIX mode.
        List<String> command =
            f.kind == ArtifactKind.SH && shell.equals("bash")
                ? List.of("bash", "--posix", "-n", f.path.toString())
                : List.of(shell, "-n", f.path.toString());
        Shell.Result r = Shell.run(command);
        runs++;
        // ksh93 -n also gives speed tips for $((...)), which POSIX sh needs: not a parse problem.
        String complaints = r.stderr().lines().filter(l -> !l.matches(".*: warning: line \\d+: .* is slower than .*"))
            .collect(java.util.stream.Collectors.joining("\n"));
        if (r.exitCode() != 0 || !complaints.isEmpty()) {
          failures.add(String.join(" ", command.subList(0, command.size() - 1)) + " " + f.name() + ":\n" + r.describe());
        }
      }
    }
    assertTrue(runs > 100, "only " + runs + " parses: the matrix lost its scripts");
    assertEquals(List.of(), failures);
  }

  @Test
  void shellcheckFindsNothingInTheDialectOfEachScript() {
    Shell.requireTool("shellcheck", "shellcheck");
    Map<String, List<File>> byDialect = new LinkedHashMap<>();
    for (File f : FILES) {
      if (f.kind.isShell()) {
        byDialect.computeIfAbsent(f.kind.shellcheckDialect(), d -> new ArrayList<>()).add(f);
      }
    }
    assertEquals(Set.of("sh", "ksh", "bash"), byDialect.keySet(), "the matrix has scripts of every dialect");
    List<String> findings = new ArrayList<>();
    for (Map.Entry<String, List<File>> e : byDialect.entrySet()) {
      List<String> command = new ArrayList<>(List.of("shellcheck", "--norc", "-s", e.getKey(), "-f", "gcc"));
      e.getValue().forEach(f -> command.add(f.path.toString()));
      Shell.Result r = Shell.run(command, Map.of(), null, 240);
      if (r.exitCode() != 0 || !r.stdout().isEmpty()) {
        findings.add("shellcheck -s " + e.getKey() + ":\n" + r.stdout().replace(dir.toString(), "") + r.stderr());
      }
    }
    assertEquals(List.of(), findings);
    System.out.println("shellcheck directives in the generated scripts: " + directives());
  }

  /** The shellcheck directives the generated scripts carry, with how many scripts carry each. */
  private static Map<String, Long> directives() {
    Pattern directive = Pattern.compile("(?m)^\\s*# shellcheck (.*)$");
    Map<String, Long> seen = new TreeMap<>();
    for (File f : FILES) {
      if (f.kind.isShell()) {
        Matcher m = directive.matcher(f.artifact.text());
        Set<String> once = new TreeSet<>();
        while (m.find()) {
          once.add(m.group(1).strip());
        }
        once.forEach(d -> seen.merge(d, 1L, Long::sum));
      }
    }
    return seen;
  }

  @Test
  void everyArtifactOfEveryTargetLintsClean() throws Exception {
    List<String> findings = new ArrayList<>();
    List<String> unlinted = new ArrayList<>();
    for (Rendered r : RENDERED) {
      LintReport report = KIT.lint(List.of(r.folder));
      for (Finding f : report.findings()) {
        findings.add(r.spec.name() + ": " + f.toString().replace(r.folder.toString(), ""));
      }
      Set<String> linted = new TreeSet<>(report.linted());
      for (File f : FILES) {
        // Scripts and the files cluster products and JobCenter read must be recognised by a linter;
        // documents (SETTINGS.txt, RUNBOOK.md) are for people.
        if (f.owner == r && f.kind != ArtifactKind.DOCUMENT && !linted.contains(f.path.toString())
            && !f.artifact.path().equals(Bundle.MANIFEST)) {
          unlinted.add(f.name() + " (" + f.kind + ")");
        }
      }
    }
    assertEquals(List.of(), findings, "generated artifacts flagged by their own linters");
    assertEquals(List.of(), unlinted, "generated artifacts no linter recognises");
  }

  @Test
  void serviceguardServiceCommandsParseAsTheShellRunsThem() {
    // cmrunserv hands service_cmd to /bin/sh (/usr/bin/sh on HP-UX) as one string.
    Pattern serviceCmd = Pattern.compile("(?m)^service_cmd\\s+\"(.*)\"\\s*$");
    List<String> failures = new ArrayList<>();
    int seen = 0;
    for (File f : FILES) {
      if (!f.artifact.path().startsWith("serviceguard/") || !f.artifact.path().endsWith(".conf")) {
        continue;
      }
      Matcher m = serviceCmd.matcher(f.artifact.text());
      while (m.find()) {
        seen++;
        for (String shell : List.of("dash", "ksh")) {
          Shell.Result r = Shell.run(List.of(shell, "-n", "-c", m.group(1)));
          if (r.exitCode() != 0) {
            failures.add(shell + " -n -c '" + m.group(1) + "' (" + f.name() + "):\n" + r.describe());
          }
        }
      }
    }
    assertTrue(seen > 5, "only " + seen + " service commands in the matrix");
    assertEquals(List.of(), failures);
  }

  @Test
  void noNumberWrappedAround() {
    // Timeouts are derived from site.conf values up to 2^31-1 s; a sum done in 32 bits turns negative.
    Pattern negative = Pattern.compile("(?<![A-Za-z0-9_./-])-[0-9]{5,}");
    List<String> hits = new ArrayList<>();
    for (File f : FILES) {
      Matcher m = negative.matcher(f.artifact.text());
      while (m.find()) {
        hits.add(f.name() + ": " + m.group());
      }
    }
    assertEquals(List.of(), hits);
  }

  @Test
  void theMatrixHoldsTheSitesItClaims() {
    // Guards the checks above against a matrix that lost its variety.
    Map<String, Long> variants =
        RENDERED.stream()
            .flatMap(r -> r.loaded.sites().stream())
            .collect(Collectors.groupingBy(s -> "watched=" + s.watched() + " portKeeper=" + s.portKeeper(), TreeMap::new, Collectors.counting()));
    assertEquals(4, variants.size(), variants.toString());
    if (RENDERED.stream().noneMatch(r -> r.loaded.sites().stream().anyMatch(s -> s.site().name().value().length() == 253))) {
      fail("no site name of 253 characters in the matrix");
    }
  }
}
