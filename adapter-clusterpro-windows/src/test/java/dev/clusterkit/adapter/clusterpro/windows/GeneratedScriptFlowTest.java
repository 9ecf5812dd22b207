package dev.clusterkit.adapter.clusterpro.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterkit.core.render.Artifact;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rendered scripts' behaviour for every event and disk state, run by {@link BatchSimulator}.
 * Asserts the commands and their arguments in order, and the exit code; {@link WineCmdTest} checks
 * that a real cmd (Wine's) does what the simulator says.
 */
class GeneratedScriptFlowTest {
  private static final List<String> ARMLOAD = List.of("ARMLOAD", "JOBSTART", "/M", "/U", "Job-Admin",
      "D:\\JobCenter\\SV\\bin\\cluster\\cjcpw", "testsite.example.com", "X:\\Jobdb");
  private static final List<List<String>> STOP = List.of(
      List.of("ARMLOADC", "JOBSTART", "/W", "PAUSE"),
      List.of("D:\\JobCenter\\SV\\bin\\cluster\\cjcpw", "-stop", "testsite.example.com"),
      List.of("ARMKILL", "JOBSTART"));
  private static final List<String> DISK = List.of("ARMBroadcast", "/MSG",
      "JobCenter site testsite.example.com: the shared disk is not connected", "/A");
  private static final List<String> NOT_RUNNING = List.of("ARMBroadcast", "/MSG",
      "JobCenter site testsite.example.com: ActiveRecoveryManager is not running", "/A");

  private static String script(String name) throws Exception {
    List<Artifact> a = Specs.render("guide");
    return Specs.artifact(a, "testsite.example.com/" + name).text();
  }

  private static Map<String, String> env(String event, String disk) {
    Map<String, String> env = new HashMap<>();
    if (!event.isEmpty()) {
      env.put("ARMS_EVENT", event);
    }
    if (!disk.isEmpty()) {
      env.put("ARMS_DISK", disk);
    }
    return env;
  }

  @ParameterizedTest
  @CsvSource({"START,", "START,SUCCESS", "FAILOVER,", "FAILOVER,SUCCESS"})
  void startAndFailoverStartTheWatchedSite(String event, String disk) throws Exception {
    BatchSimulator.Run run = BatchSimulator.run(script("start.bat"), env(event, disk == null ? "" : disk));
    assertEquals(List.of(ARMLOAD), run.calls());
    assertEquals(0, run.exitCode());
  }

  @Test
  void recoverStartsNothing() throws Exception {
    BatchSimulator.Run run = BatchSimulator.run(script("start.bat"), env("RECOVER", ""));
    assertEquals(List.of(), run.calls());
    assertEquals(0, run.exitCode());
  }

  @ParameterizedTest
  @CsvSource({"START", "FAILOVER"})
  void aDiskFailureStartsNothingAndFails(String event) throws Exception {
    BatchSimulator.Run run = BatchSimulator.run(script("start.bat"), env(event, "FAILURE"));
    assertEquals(List.of(DISK), run.calls());
    assertEquals(1, run.exitCode());
  }

  @ParameterizedTest
  @CsvSource({"''", "start", "GROUPSTOP"})
  void anUnknownEventStartsNothingAndFails(String event) throws Exception {
    BatchSimulator.Run run = BatchSimulator.run(script("start.bat"), env(event, ""));
    assertEquals(List.of(NOT_RUNNING), run.calls());
    assertEquals(1, run.exitCode());
  }

  @Test
  void clpVariablesDoNotDriveTheArmScripts() throws Exception {
    BatchSimulator.Run run = BatchSimulator.run(script("start.bat"), Map.of("CLP_EVENT", "START"));
    assertEquals(List.of(NOT_RUNNING), run.calls());
  }

  @ParameterizedTest
  @CsvSource({"START,SUCCESS", "FAILOVER,SUCCESS", "START,", "FAILOVER,"})
  void stopPausesStopsAndKillsInOrder(String event, String disk) throws Exception {
    BatchSimulator.Run run = BatchSimulator.run(script("stop.bat"), env(event, disk == null ? "" : disk));
    assertEquals(STOP, run.calls());
    assertEquals(0, run.exitCode());
  }

  @ParameterizedTest
  @CsvSource({"START", "FAILOVER"})
  void stopStillStopsJobCenterWhenTheDiskCheckFails(String event) throws Exception {
    BatchSimulator.Run run = BatchSimulator.run(script("stop.bat"), env(event, "FAILURE"));
    assertEquals(List.of(DISK, STOP.get(0), STOP.get(1), STOP.get(2)), run.calls());
    assertEquals(0, run.exitCode());
  }

  @Test
  void stopWithoutAnEventStillStopsJobCenter() throws Exception {
    BatchSimulator.Run run = BatchSimulator.run(script("stop.bat"), env("", ""));
    assertEquals(List.of(NOT_RUNNING, STOP.get(0), STOP.get(1), STOP.get(2)), run.calls());
  }

  @Test
  void theUnwatchedSiteOfTheSecondSpecStartsWithMinusC() throws Exception {
    List<Artifact> a = Specs.render("two-sites");
    String start = Specs.artifact(a, "jobs-west.batch.example.org/start.bat").text();
    BatchSimulator.Run run = BatchSimulator.run(start, Map.of("CLP_EVENT", "FAILOVER", "CLP_DISK", "SUCCESS"));
    assertEquals(List.of(List.of("ARMLOAD", "JobCenter_West", "/U", "BATCH\\jcadmin", "/WINDOW", "hide",
        "C:\\Program Files\\JobCenter\\SV\\bin\\cluster\\cjcpw", "-c", "jobs-west.batch.example.org", "Z:\\jobdb")),
        run.calls());
    String east = Specs.artifact(a, "jobs-east.batch.example.org/stop.bat").text();
    BatchSimulator.Run stop = BatchSimulator.run(east, Map.of());
    assertEquals(List.of("ARMBCAST", "/MSG", "JobCenter: no CLUSTERPRO event & 100% of jobs wait <here> ^ | done", "/A"),
        stop.calls().get(0));
    assertEquals(List.of("C:\\Program Files\\JobCenter\\SV\\bin\\cluster\\cjcpw", "-stop",
        "jobs-east.batch.example.org"), stop.calls().get(2));
  }
}
