package dev.clusterkit.cli;

import dev.clusterkit.core.ClusterKit;
import dev.clusterkit.core.lint.LintInputs;
import dev.clusterkit.core.lint.LintReport;
import dev.clusterkit.core.lint.SourceFile;
import dev.clusterkit.core.lint.deploy.DeploymentLinter;
import dev.clusterkit.core.render.Artifact;
import dev.clusterkit.core.render.RenderOptions;
import dev.clusterkit.core.spec.ClusterSpec;
import dev.clusterkit.core.spi.ClusterAdapter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Lint throughput over a generated deployment tree (not a test; run with {@code ./mvnw -q -o -pl
 * cli -am -Pbench verify -DskipTests}): renders every shipped adapter's two-site spec, copies the
 * result into site folders of their own until the tree holds {@code clusterkit.bench.files}
 * artifacts (10,000 by default), then lints the tree from disk several times and prints files per
 * second for the best and the median run.
 */
public final class LintBenchmark {
  private LintBenchmark() {}

  /** Where the time goes: reading, each adapter's linter, core's site files, the cross-file rules. */
  private static void breakdown(ClusterKit kit, Path tree) throws IOException {
    long t0 = System.nanoTime();
    LintInputs.Result inputs = LintInputs.collect(List.of(tree));
    long t1 = System.nanoTime();
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "breakdown: read %.2f s", (t1 - t0) / 1e9));
    for (ClusterAdapter adapter : kit.registry().adapters()) {
      long r = System.nanoTime();
      List<SourceFile> mine = inputs.files().stream().filter(adapter::recognizes).toList();
      line.append(String.format(Locale.ROOT, ", %s recognizes %.2f s", adapter.id(), (System.nanoTime() - r) / 1e9));
      long a = System.nanoTime();
      adapter.lint(mine);
      line.append(String.format(Locale.ROOT, ", %s %.2f s (%d files)", adapter.id(), (System.nanoTime() - a) / 1e9, mine.size()));
    }
    long c = System.nanoTime();
    DeploymentLinter.lint(inputs.files(), Optional.empty(), List.of());
    line.append(String.format(Locale.ROOT, ", cross-file %.2f s", (System.nanoTime() - c) / 1e9));
    System.out.println(line);
  }

  public static void main(String[] args) throws Exception {
    int target = Integer.getInteger("clusterkit.bench.files", 10_000);
    int runs = Integer.getInteger("clusterkit.bench.runs", 5);
    Path root = Path.of(System.getProperty("clusterkit.repoRoot", "..")).toAbsolutePath().normalize();
    Path tree = Files.createTempDirectory("clusterkit-bench");
    try {
      ClusterKit kit = ClusterKit.create(TestSetup.production(), LintBenchmark.class.getClassLoader());
      List<Artifact> sample = new ArrayList<>();
      for (String adapter : kit.registry().ids()) {
        ClusterSpec spec = kit.loadSpec(root.resolve("adapter-" + adapter + "/src/test/resources/specs/two-sites.yaml"));
        sample.addAll(kit.render(spec, new RenderOptions(List.of(), Optional.empty())));
      }
      int written = 0;
      for (int copy = 0; written < target; copy++) {
        for (Artifact a : sample) {
          if (written == target) {
            break;
          }
          Path file = tree.resolve(String.format(Locale.ROOT, "copy%04d", copy)).resolve(a.path());
          Files.createDirectories(file.getParent());
          Files.write(file, a.bytes());
          written++;
        }
      }
      System.out.printf(Locale.ROOT, "tree: %d files (%d artifacts of %d adapters, copied) in %s%n", written,
          sample.size(), kit.registry().ids().size(), tree);
      List<Double> rates = new ArrayList<>();
      for (int run = 0; run <= runs; run++) {
        long start = System.nanoTime();
        LintReport report = kit.lint(List.of(tree));
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = (report.linted().size() + report.skipped().size()) / seconds;
        System.out.printf(Locale.ROOT, "%s: %d linted, %d skipped, %d findings in %.2f s: %.0f files/s%n",
            run == 0 ? "warm-up" : "run " + run, report.linted().size(), report.skipped().size(),
            report.findings().size(), seconds, rate);
        if (run > 0) {
          rates.add(rate);
        }
      }
      breakdown(kit, tree);
      rates.sort(Comparator.naturalOrder());
      System.out.printf(Locale.ROOT, "median %.0f files/s, best %.0f files/s (%d cores)%n",
          rates.get(rates.size() / 2), rates.get(rates.size() - 1), Runtime.getRuntime().availableProcessors());
    } finally {
      try (Stream<Path> walk = Files.walk(tree)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      } catch (IOException e) {
        System.err.println("could not remove " + tree + ": " + e.getMessage());
      }
    }
  }
}
