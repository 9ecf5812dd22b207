package dev.clusterkit.adapter.msfc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterkit.core.render.Artifact;
import dev.clusterkit.testkit.Wine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Windows Server 2003/2008 scripts (register-*.cmd, unregister-*.cmd, resource.cmd,
 * remove-resource.cmd) run by a real cmd (Wine's), with {@code cluster} and {@code regsvr32} as
 * stub programs that record the arguments they receive: every command runs once with the
 * arguments meant (no quote left over, the site's name and database where the guide puts them),
 * the DLLs are copied where the cluster service loads them, and a failure the script guards stops
 * it with exit code 1.
 *
 * <p>Wine 8's cmd runs the right side of {@code ||} whatever the exit code of the left side (real
 * cmd runs it only after a failure), so for Wine each {@code CMD || exit /b 1} becomes {@code CMD}
 * and, on the next line, {@code if errorlevel 1 exit /b 1}, which real cmd treats alike.
 */
@EnabledOnOs(OS.LINUX)
class RegistrationScriptTest {
  private static final Pattern PROGRAM = Pattern.compile("(?im)^(?:if not exist \\S+ )?(cluster|regsvr32)\\b");
  private static final Pattern COPY = Pattern.compile("(?m)copy /y \"([A-Z]:\\\\[^\"]+)\"");

  @RegisterExtension static final Wine WINE = Wine.withEnvironment(Map.of());

  private static Path stubExe;

  @BeforeAll
  static void prepare() throws Exception {
    WINE.mapDrive('d', WINE.folder("drive-d"));
    stubExe = WINE.folder("stub").resolve("stub.exe");
    Wine.compileStub(stubExe);
  }

  /** What a run of a script did. */
  private record Run(int exitCode, List<List<String>> calls, String output) {}

  /** C:\windows\cluster, where the scripts cd to, holds the stubs and nothing else. */
  @BeforeEach
  void emptyClusterFolder() throws Exception {
    Path folder = WINE.unixPath("C:\\windows\\cluster");
    if (Files.exists(folder)) {
      try (Stream<Path> files = Files.walk(folder)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    Files.createDirectories(folder);
    for (String program : List.of("cluster", "regsvr32")) {
      Files.copy(stubExe, folder.resolve(program + ".exe"));
    }
  }

  static Stream<Arguments> scripts() throws Exception {
    List<Arguments> all = new ArrayList<>();
    for (String spec : Specs.ALL) {
      for (Artifact a : Specs.render(spec)) {
        if (a.path().endsWith(".cmd")) {
          all.add(Arguments.of(spec + ":" + a.path(), a));
        }
      }
    }
    return all.stream();
  }

  /** Runs {@code script} from a folder of its own with the stubs. */
  private static Run run(Artifact script, Path dir, String stubExit) throws Exception {
    Matcher copies = COPY.matcher(script.text());
    while (copies.find()) {
      Path dll = WINE.unixPath(copies.group(1));
      Files.createDirectories(dll.getParent());
      Files.writeString(dll, "not really a DLL");
    }
    for (String program : List.of("cluster", "regsvr32")) {
      Files.copy(stubExe, dir.resolve(program + ".exe"), StandardCopyOption.REPLACE_EXISTING);
    }
    Path file = dir.resolve(Path.of(script.path()).getFileName().toString());
    // Byte for byte (ISO-8859-1 maps each byte to one char), with CRLF as the file has it.
    String bytes = new String(script.bytes(), StandardCharsets.ISO_8859_1);
    assertTrue(bytes.contains(" || exit /b 1\r\n"), "CRLF lines with || exit /b 1");
    Files.writeString(file, bytes.replace(" || exit /b 1\r\n", "\r\nif errorlevel 1 exit /b 1\r\n"), StandardCharsets.ISO_8859_1);
    Path log = dir.resolve("calls.log");
    Path out = dir.resolve("cmd.out");
    Process cmd = WINE.run(List.of("cmd", "/c", ".\\" + file.getFileName()),
        Map.of("STUB_LOG", Wine.windowsPath(log), "STUB_EXIT", stubExit), dir, out);
    return new Run(cmd.exitValue(), Wine.stubCalls(log), Files.readString(out, StandardCharsets.ISO_8859_1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scripts")
  void everyCommandRunsOnceWithItsArguments(String name, Artifact script, @TempDir Path dir) throws Exception {
    Run r = run(script, dir, "0");
    List<List<String>> calls = r.calls();
    assertEquals(0, r.exitCode(), name + ":\n" + r.output());
    long commands = PROGRAM.matcher(script.text()).results().count();
    assertEquals(commands, calls.size(), name + " ran " + calls + "\n" + r.output());
    for (List<String> call : calls) {
      assertTrue(call.stream().noneMatch(a -> a.contains("\"")), "a quote reached the program: " + call);
    }
    Matcher copies = COPY.matcher(script.text());
    while (copies.find()) {
      String dll = copies.group(1).substring(copies.group(1).lastIndexOf('\\') + 1);
      assertTrue(Files.exists(WINE.unixPath("C:\\windows\\cluster\\" + dll)), dll + " copied for the cluster service");
    }
    if (script.path().endsWith("/resource.cmd")) {
      String site = Path.of(script.path()).getParent().getFileName().toString();
      List<String> priv = calls.stream().filter(c -> c.contains("/priv") && c.size() > 3).findFirst()
          .orElseThrow(() -> new AssertionError("no /priv call in " + calls));
      assertTrue(priv.contains("SiteName=" + site), priv.toString());
      assertTrue(priv.stream().anyMatch(a -> a.matches("SiteDirectory=[A-Z]:\\\\.+")), priv.toString());
    }
  }

  /**
   * With every program failing, the script ends at the first command that guards its failure with
   * {@code || exit /b 1}; the commands before it are those whose failure is allowed (unregistering
   * an extension that is not registered, say).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("scripts")
  void theFirstGuardedFailureStopsTheScript(String name, Artifact script, @TempDir Path dir) throws Exception {
    int expected = 0;
    for (String line : script.text().lines().toList()) {
      if (PROGRAM.matcher(line).find()) {
        expected++;
        if (line.endsWith(" || exit /b 1")) {
          break;
        }
      }
    }
    Run r = run(script, dir, "3");
    assertEquals(1, r.exitCode(), name + ":\n" + r.output());
    assertEquals(expected, r.calls().size(), name + " ran " + r.calls());
  }
}
