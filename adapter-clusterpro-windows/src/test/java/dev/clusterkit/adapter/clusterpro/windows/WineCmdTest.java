package dev.clusterkit.adapter.clusterpro.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterkit.core.render.Artifact;
import dev.clusterkit.testkit.Shell;
import dev.clusterkit.testkit.Wine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rendered start.bat and stop.bat run by a real cmd (Wine's), with the CLUSTERPRO commands
 * and cjcpw as stubs that record the arguments they receive: for every site of the test specs and
 * every event and disk state, the commands, their arguments and the exit code must be those {@link
 * BatchSimulator} predicts, which the other tests assert in detail. Wine's cmd is lenient (a GOTO
 * to a missing label is not an error), so this checks behaviour, not syntax; {@link
 * BatchScriptTest} and the linter check the syntax.
 */
@EnabledOnOs(OS.LINUX)
class WineCmdTest {
  /** The programs the scripts call by name, resolved by cmd in the script's folder. */
  private static final List<String> PROGRAMS = List.of("ARMLOAD", "ARMLOADC", "ARMKILL", "ARMBroadcast", "ARMBCAST");

  private static final List<String> EVENTS = List.of("START", "FAILOVER", "RECOVER", "");
  private static final List<String> DISKS = List.of("SUCCESS", "FAILURE", "");

  /**
   * A Japanese Windows: cmd reads the scripts as code page 932, as CLUSTERPRO's servers do (the
   * adapter writes them in Shift_JIS). Wine takes the code page from the C library's locale.
   */
  @RegisterExtension
  static final Wine WINE = Wine.withEnvironment(Map.of("LANG", "ja_JP.UTF-8", "LC_ALL", "ja_JP.UTF-8"));

  private static Path stubExe;

  @BeforeAll
  static void prepare() throws Exception {
    Shell.requireLocale("ja_JP.utf8", "localedef -i ja_JP -f UTF-8 ja_JP.UTF-8 (.ci/run does)");
    WINE.mapDrive('d', WINE.folder("drive-d"));
    stubExe = WINE.folder("stub").resolve("stub.exe");
    Wine.compileStub(stubExe);
  }

  static Stream<Arguments> runs() throws Exception {
    List<Arguments> all = new ArrayList<>();
    for (String spec : Specs.NAMES) {
      for (Artifact a : Specs.render(spec)) {
        if (!a.path().endsWith(".bat")) {
          continue;
        }
        String prefixOfVariables = a.text().contains("%ARMS_EVENT%") ? "ARMS_" : "CLP_";
        for (String event : EVENTS) {
          for (String disk : DISKS) {
            Map<String, String> env = new LinkedHashMap<>();
            if (!event.isEmpty()) {
              env.put(prefixOfVariables + "EVENT", event);
            }
            if (!disk.isEmpty()) {
              env.put(prefixOfVariables + "DISK", disk);
            }
            all.add(Arguments.of(spec + ":" + a.path() + " " + env, a, env));
          }
        }
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("runs")
  void cmdRunsWhatTheSimulatorPredicts(String name, Artifact script, Map<String, String> env, @TempDir Path dir)
      throws Exception {
    BatchSimulator.Run expected = BatchSimulator.run(script.text(), env);
    Path log = dir.resolve("calls.log");
    for (String program : PROGRAMS) {
      stub(dir.resolve(program + ".exe"));
    }
    for (List<String> call : expected.calls()) {
      String program = call.get(0);
      if (program.length() > 2 && program.charAt(1) == ':') {
        stub(WINE.unixPath(program + ".exe"));
      }
    }
    Path bat = dir.resolve(Path.of(script.path()).getFileName().toString());
    Files.write(bat, script.bytes());

    // ".\\start.bat", not "start.bat", which cmd reads as its START command.
    // Only the scenario's event variables: the others are removed from the environment the tests run in.
    Map<String, String> cmdEnv = new LinkedHashMap<>();
    for (String v : List.of("ARMS_EVENT", "ARMS_DISK", "CLP_EVENT", "CLP_DISK")) {
      cmdEnv.put(v, env.getOrDefault(v, ""));
    }
    cmdEnv.put("STUB_LOG", Wine.windowsPath(log));
    Process cmd = WINE.run(List.of("cmd", "/c", ".\\" + bat.getFileName()), cmdEnv, dir, dir.resolve("cmd.out"));

    String output = Files.readString(dir.resolve("cmd.out"), StandardCharsets.ISO_8859_1);
    assertEquals(expected.calls(), Wine.stubCalls(log), "calls of " + name + "; cmd printed:\n" + output);
    assertEquals(expected.exitCode(), cmd.exitValue(), name + "; cmd printed:\n" + output);
    assertTrue(!output.contains("Can't recognize"), "every program was found:\n" + output);
  }

  /** The stub program at {@code file}: it appends its arguments to STUB_LOG, tab-separated. */
  private static void stub(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Files.copy(stubExe, file, StandardCopyOption.REPLACE_EXISTING);
  }
}
