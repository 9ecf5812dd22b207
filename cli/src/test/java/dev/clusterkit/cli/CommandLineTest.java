package dev.clusterkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterkit.cli.testadapters.FakeAdapter;
import dev.clusterkit.core.ClusterKit;
import dev.clusterkit.core.spi.AdapterRegistry;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CommandLineTest {
  private static final String VERSION = System.getProperty("clusterkit.expectedVersion");

  @Test
  void helpListsTheCommandsAndExitCodes() {
    Cli.Result r = Cli.run("--help");
    assertEquals(0, r.exit(), r.describe());
    assertTrue(r.out().startsWith("Usage: clusterkit "), r.out());
    for (String command : List.of("render", "lint", "targets", "schema")) {
      assertTrue(r.out().contains("\n  " + command + " "), command + " missing from\n" + r.out());
    }
    assertTrue(r.out().contains("Exit codes:"), r.out());
    assertEquals("", r.err());
  }

  @ParameterizedTest
  @ValueSource(strings = {"render", "lint", "targets", "schema"})
  void everyCommandHasHelp(String command) {
    Cli.Result r = Cli.run(command, "--help");
    assertEquals(0, r.exit(), r.describe());
    assertTrue(r.out().startsWith("Usage: clusterkit " + command), r.out());
    assertTrue(r.out().contains("--verbose"), "inherited option listed: " + r.out());
  }

  @Test
  void versionComesFromTheBuild() {
    assertTrue(VERSION != null && !VERSION.isEmpty(), "surefire passes clusterkit.expectedVersion");
    Cli.Result r = Cli.run("--version");
    assertEquals(0, r.exit(), r.describe());
    assertEquals(List.of("clusterkit " + VERSION), r.outLines());
    assertEquals(r.out(), Cli.run("lint", "--version").out());
  }

  @Test
  void noCommandIsAUsageError() {
    Cli.Result r = Cli.run();
    assertEquals(2, r.exit(), r.describe());
    assertEquals(1, r.errLines().size(), r.describe());
    assertTrue(r.err().startsWith("clusterkit: Missing required subcommand"), r.err());
  }

  @Test
  void unknownOptionIsOneLineWithASuggestion() {
    Cli.Result r = Cli.run("render", "spec.yaml", "-o", "out", "--forse");
    assertEquals(2, r.exit(), r.describe());
    assertEquals(1, r.errLines().size(), r.describe());
    assertTrue(r.err().contains("Unknown option: '--forse'; did you mean --force?"), r.err());
  }

  @Test
  void unknownCommandIsAUsageError() {
    Cli.Result r = Cli.run("rendr");
    assertEquals(2, r.exit(), r.describe());
    assertEquals(1, r.errLines().size(), r.describe());
    assertTrue(r.err().contains("did you mean render"), r.err());
  }

  @Test
  void targetsListsTheAdaptersFoundOnTheClassPath() {
    Cli.Result r = Cli.run("targets");
    assertEquals(0, r.exit(), r.describe());
    List<String> ids = r.outLines().stream().map(l -> l.split(" ")[0]).toList();
    assertEquals(TestSetup.classPath().ids(), ids);
    assertTrue(r.outLines().stream().anyMatch(l -> l.matches("fake-cluster +Fake cluster \\(cli tests\\) +linux,windows")),
        r.out());
  }

  @Test
  void targetsSaysSoWhenThereAreNone() {
    Cli.Result r = Cli.run(() -> ClusterKit.create(AdapterRegistry.of(List.of()), getClass().getClassLoader()), "targets");
    assertEquals(0, r.exit(), r.describe());
    assertEquals("", r.out());
    assertEquals(List.of("clusterkit targets: no adapters found on the class path"), r.errLines());
  }

  @Test
  void targetsAreAlignedInColumns() {
    AdapterRegistry two = AdapterRegistry.of(List.of(new FakeAdapter(), new dev.clusterkit.cli.testadapters.StandInClusterproLinux()));
    Cli.Result r = Cli.run(() -> ClusterKit.create(two, getClass().getClassLoader()), "targets");
    assertEquals(
        List.of(
            "clusterpro-linux  CLUSTERPRO for Linux (stand-in for tests)  linux",
            "fake-cluster      Fake cluster (cli tests)                   linux,windows"),
        r.outLines());
  }

  @Test
  void internalErrorIsOneLineAndExit3() {
    Cli.Result r = Cli.run(CommandLineTest::broken, "targets");
    assertEquals(3, r.exit(), r.describe());
    assertEquals(
        List.of("clusterkit targets: internal error: java.lang.IllegalStateException: boom"
            + " (run with --verbose for the stack trace)"),
        r.errLines());
  }

  @ParameterizedTest
  @ValueSource(strings = {"before", "after"})
  void verboseShowsTheStackTrace(String where) {
    Cli.Result r = where.equals("before")
        ? Cli.run(CommandLineTest::broken, "--verbose", "targets")
        : Cli.run(CommandLineTest::broken, "targets", "--verbose");
    assertEquals(3, r.exit(), r.describe());
    assertEquals("clusterkit targets: internal error: java.lang.IllegalStateException: boom", r.errLines().get(0));
    assertTrue(r.err().contains("\tat dev.clusterkit.cli.CommandLineTest.broken"), r.err());
  }

  @Test
  void noStackTraceWithoutVerbose() {
    Cli.Result r = Cli.run(CommandLineTest::broken, "schema");
    assertFalse(r.err().contains("\tat "), r.err());
  }

  @Test
  void errorsOtherThanExceptionsAreInternalErrorsToo() {
    Cli.Result r = Cli.run(() -> {
      throw new NoClassDefFoundError("com/example/Missing");
    }, "targets");
    assertEquals(3, r.exit(), r.describe());
    assertEquals(
        List.of("clusterkit: internal error: java.lang.NoClassDefFoundError: com/example/Missing"
            + " (run with --verbose for the stack trace)"),
        r.errLines());
  }

  private static ClusterKit broken() {
    throw new IllegalStateException("boom");
  }
}
