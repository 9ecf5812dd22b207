package dev.clusterkit.adapter.msfc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterkit.testkit.Wine;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * The Generic Script VBScript runs in a real VBScript engine (Wine's cscript) with a harness that
 * plays the resource host ({@code wine/resource-host.vbs}): a Resource object, then Open, Online
 * and Offline before the private properties are set, LooksAlive and IsAlive of a stopped site,
 * Online, Offline, and Terminate with a failing {@code cjcpw -stop}. cjcpw is the testkit's stub
 * program at the script's CJCPW path, resident from Online until its {@code -stop}.
 *
 * <p>What Wine cannot do shapes the harness: ExecuteGlobal and WScript.Sleep are not implemented
 * (the harness is appended to the script, and waits nowhere), and its WMI shows no command line
 * of another process, so a running cjcpw is never seen: LooksAlive and IsAlive are run for a
 * stopped site only. Wine reports a runtime error only in its debug channel
 * ({@code ActiveScriptSite_OnScriptError}), which this test reads.
 */
@EnabledOnOs(OS.LINUX)
class VbsRunTest {
  @RegisterExtension static final Wine WINE = Wine.withEnvironment(Map.of());

  private static final Pattern CJCPW = Pattern.compile("(?m)^Const CJCPW = \"([^\"]+)\"\r?$");
  private static final String SITE = "jobs.batch.example.test";
  private static final String DATABASE = "C:\\cluster disk\\jobdb";

  private static Path stub;
  private static String harness;

  @BeforeAll
  static void buildStubAndReadHarness() throws Exception {
    stub = WINE.folder("stub").resolve("cjcpw.exe");
    Wine.compileStub(stub);
    try (InputStream in = VbsRunTest.class.getResourceAsStream("/wine/resource-host.vbs")) {
      harness = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Files.createDirectories(WINE.unixPath(DATABASE));
  }

  static Stream<Arguments> scripts() throws Exception {
    return VbsSyntaxTest.scripts();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scripts")
  void theEntryPointsRunAsTheClusterCallsThem(String name, String text, @TempDir Path dir) throws Exception {
    Matcher m = CJCPW.matcher(text);
    assertTrue(m.find(), "the script names cjcpw in a constant");
    String cjcpw = m.group(1);
    Path exe = WINE.unixPath(cjcpw + ".exe");
    Files.createDirectories(exe.getParent());
    Files.copy(stub, exe, StandardCopyOption.REPLACE_EXISTING);
    Path calls = dir.resolve("calls.log");
    Path hold = Files.createFile(dir.resolve("resident"));
    Path exitFile = dir.resolve("stop-exit");
    Path script = dir.resolve("run.vbs");
    Files.writeString(script, text.stripTrailing() + "\r\n\r\n" + harness.replace("\r\n", "\n").replace("\n", "\r\n"), StandardCharsets.UTF_8);
    Path out = dir.resolve("run.out");
    boolean released;
    try {
      WINE.run(
          List.of("cscript", "//nologo", script.getFileName().toString(), SITE, DATABASE, Wine.windowsPath(exitFile)),
          Map.of(
              "WINEDEBUG", "-all,fixme+wscript,fixme+vbscript",
              "STUB_LOG", Wine.windowsPath(calls),
              "STUB_HOLD", Wine.windowsPath(hold),
              "STUB_RELEASE_ARG", "-stop",
              "STUB_EXIT_FILE", Wine.windowsPath(exitFile)),
          dir, out);
      released = !Files.exists(hold);
    } finally {
      // Ends a resident stub left behind by a failure.
      Files.deleteIfExists(hold);
    }
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    List<String> engine = lines.stream().filter(l -> l.matches("^[0-9a-f]{4}:fixme:.*")).toList();
    assertEquals(List.of(), engine.stream().filter(l -> l.contains("OnScriptError") || l.contains("parser_error")).toList(),
        "the engine reported errors; output:\n" + String.join("\n", lines));
    String site = "log: JobCenter site " + SITE + ": ";
    String unset = "log: JobCenter: set the private properties SiteName and DBPath (setup.ps1)";
    assertEquals(
        List.of(
            "property added: SiteName",
            "property added: DBPath",
            "Open: 0",
            "Open again: 0",
            unset,
            "Online before setup: 1",
            unset,
            "Offline before setup: 1",
            "LooksAlive before Online: False",
            site + "cjcpw is not running",
            "IsAlive before Online: False",
            site + "starting cjcpw on " + DATABASE,
            "Online: 0",
            site + "Offline: cjcpw -stop",
            "Offline: 0",
            site + "Terminate: cjcpw -stop",
            site + "cjcpw -stop exited with 3",
            "Terminate: 3",
            "Close: 0",
            "done"),
        lines.stream().filter(l -> !engine.contains(l)).toList());
    // The resident cjcpw may log after the -stop that releases it: compare without order.
    List<List<String>> expected =
        new ArrayList<>(List.of(List.of(cjcpw, SITE, DATABASE), List.of(cjcpw, "-stop", SITE), List.of(cjcpw, "-stop", SITE)));
    // Online does not wait for cjcpw, so the resident one may still be starting when cscript ends.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (Wine.stubCalls(calls).size() < expected.size() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    List<List<String>> seen = new ArrayList<>(Wine.stubCalls(calls));
    Comparator<List<String>> byText = Comparator.comparing(Object::toString);
    expected.sort(byText);
    seen.sort(byText);
    assertEquals(expected, seen, "cjcpw got its arguments whole: the database path has a space");
    assertTrue(released, "Offline's cjcpw -stop ended the resident cjcpw");
  }
}
