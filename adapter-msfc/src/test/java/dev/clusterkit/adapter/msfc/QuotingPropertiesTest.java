package dev.clusterkit.adapter.msfc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterkit.core.render.Artifact;
import dev.clusterkit.core.spec.SpecException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Values holding cmd.exe and PowerShell metacharacters, quotes and spaces reach their commands
 * intact, read back with independent models of how Windows parses each literal
 * ({@link WindowsReaders}); values that cannot be written safely are refused with the field named.
 */
class QuotingPropertiesTest {
  private static final String SPECIAL = "&|<>^%'!()=;,~`$#@*{}?+-._:/ ";

  @Provide
  Arbitrary<String> names() {
    return Arbitraries.strings().alpha().numeric().withChars(SPECIAL).ofMinLength(1).ofMaxLength(64)
        .filter(s -> !s.startsWith(" ") && !s.endsWith(" "));
  }

  @Provide
  Arbitrary<String> installRoots() {
    Arbitrary<String> segment = Arbitraries.strings().alpha().numeric().withChars("._+@,=() -")
        .ofMinLength(1).ofMaxLength(12)
        .filter(s -> !s.equals(".") && !s.equals(".."));
    Arbitrary<Character> drive = Arbitraries.chars().range('C', 'Z');
    return Combinators.combine(drive, segment.list().ofMinSize(1).ofMaxSize(4))
        .as((d, segments) -> d + ":\\" + String.join("\\", segments));
  }

  @Provide
  Arbitrary<String> refusedNames() {
    Arbitrary<Character> bad = Arbitraries.of('"', '[', ']', '\\', '\u00e9', '\u30b8', '\t', '\u0007');
    return Combinators.combine(names(), bad, Arbitraries.integers().between(0, 64))
        .as((name, c, at) -> {
          int i = Math.min(at, name.length());
          String s = name.substring(0, i) + c + name.substring(i);
          return s.strip().isEmpty() ? "a" + c + "b" : s;
        });
  }

  @Property(tries = 120)
  void powerShellValuesArriveIntact(
      @ForAll("names") String role, @ForAll("names") String resource, @ForAll("names") String disk)
      throws Exception {
    List<Artifact> out = Specs.render(Specs.parse(Specs.oneSite("2019", "",
        "role: " + yaml(role) + "\nresource: " + yaml(resource) + "\ndisk: " + yaml(disk), "")));
    for (String script : List.of("setup.ps1", "remove.ps1")) {
      String text = Specs.artifact(out, script).text();
      assertEquals(role, psAssignment(text, "$role"), script);
      assertEquals(resource, psAssignment(text, "$resource"), script);
      assertEquals(disk, psAssignment(text, "$disk"), script);
    }
    String dependencyLine = line(Specs.artifact(out, "setup.ps1").text(), "Set-ClusterResourceDependency ");
    int at = dependencyLine.indexOf("-Dependency '") + "-Dependency ".length();
    WindowsReaders.Literal dependency = WindowsReaders.powershellSingleQuoted(dependencyLine, at);
    assertEquals("[" + disk + "] and [IP Address 192.168.50.194]", dependency.value());
    assertEquals(dependencyLine.length(), dependency.end(), "nothing follows the dependency expression");
  }

  @Property(tries = 120)
  void cmdValuesArriveIntact(
      @ForAll("names") String role, @ForAll("names") String resource, @ForAll("names") String disk,
      @ForAll("names") String networkName)
      throws Exception {
    List<Artifact> out = Specs.render(Specs.parse(Specs.oneSite("2008r2", "",
        "role: " + yaml(role) + "\nresource: " + yaml(resource) + "\ndisk: " + yaml(disk) + "\nnetworkName: "
            + yaml(networkName), "")));
    for (String script : List.of("/resource.cmd", "/remove-resource.cmd")) {
      for (String line : Specs.artifact(out, script).text().split("\n")) {
        if (!line.startsWith("cluster ")) {
          continue;
        }
        List<String> argv = WindowsReaders.argv(WindowsReaders.cmdCommand(WindowsReaders.cmdPercentPhase(line)));
        assertEquals(List.of("cluster", "res", resource), argv.subList(0, 3), line);
        if (argv.contains("/create")) {
          assertTrue(argv.contains("/group:" + role), argv.toString());
        }
        if (argv.size() > 3 && argv.get(3).startsWith("/adddep:")) {
          assertTrue(List.of("/adddep:" + disk, "/adddep:" + networkName).contains(argv.get(3)), argv.toString());
        }
        if (argv.size() > 4 && argv.get(3).equals("/priv")) {
          assertEquals(List.of("SiteName=jcgpkg.example.com", "SiteDirectory=Y:\\Jobdb"), argv.subList(4, 6));
        }
      }
    }
  }

  @Property(tries = 60)
  void installRootsReachTheScriptAndTheCopyCommands(@ForAll("installRoots") String root) throws Exception {
    String generic = Specs.oneSite("2016", "installRoot: " + yaml(root), "", "");
    String vbs = Specs.artifact(Specs.render(Specs.parse(generic)), ".vbs").text();
    String constLine = line(vbs, "Const CJCPW = ");
    WindowsReaders.Literal cjcpw = WindowsReaders.vbscriptString(constLine, "Const CJCPW = ".length());
    assertEquals(root + "\\bin\\cluster\\cjcpw", cjcpw.value());
    assertEquals(constLine.length(), cjcpw.end());

    String dll = Specs.oneSite("2003", "installRoot: " + yaml(root), "", "");
    String register = Specs.artifact(Specs.render(Specs.parse(dll)), "/register-type.cmd").text();
    String copy = line(register, "if not exist ");
    List<String> argv = WindowsReaders.argv(WindowsReaders.cmdCommand(WindowsReaders.cmdPercentPhase(copy)));
    assertEquals(List.of("if", "not", "exist", "JobCenterCluster.dll", "copy", "/y",
        root + "\\lib\\JobCenterCluster.dll", "."), argv);
  }

  @Property(tries = 80)
  void namesThatCannotBeQuotedSafelyAreRefusedNamingTheField(@ForAll("refusedNames") String role) {
    SpecException e = assertThrows(SpecException.class,
        () -> Specs.parse(Specs.oneSite("2019", "", "role: " + yamlDoubleQuoted(role), "")));
    assertTrue(e.getMessage().contains("targets.msfc.role"), e.getMessage());
    assertTrue(e.getMessage().contains("printable ASCII characters without blanks at either end and without"),
        e.getMessage());
  }

  @Property(tries = 300)
  void powerShellLiteralsHoldAnyText(@ForAll String value) {
    String clean = value.chars().filter(c -> !Character.isISOControl(c))
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    String literal = Quoting.powershell("f", clean);
    WindowsReaders.Literal read = WindowsReaders.powershellSingleQuoted(literal, 0);
    assertEquals(clean, read.value());
    assertEquals(literal.length(), read.end());
  }

  @Property(tries = 300)
  void vbscriptLiteralsHoldAnyPrintableAscii(@ForAll("printable") String value) {
    String literal = Quoting.vbscript("f", value);
    WindowsReaders.Literal read = WindowsReaders.vbscriptString(literal, 0);
    assertEquals(value, read.value());
    assertEquals(literal.length(), read.end());
  }

  @Property(tries = 300)
  void cmdArgumentsHoldPrintableAsciiWithoutDoubleQuotes(@ForAll("printable") String value) {
    if (value.contains("\"") || value.endsWith("\\")) {
      assertThrows(IllegalArgumentException.class, () -> Quoting.cmd("f", value));
      return;
    }
    String line = "prog " + Quoting.cmd("f", value) + " next || exit /b 1";
    List<String> argv = WindowsReaders.argv(WindowsReaders.cmdCommand(WindowsReaders.cmdPercentPhase(line)));
    assertEquals(List.of("prog", value, "next"), argv);
  }

  @Provide
  Arbitrary<String> printable() {
    return Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(40);
  }

  private static String yaml(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  /** A YAML double-quoted scalar, which can carry control characters as escapes. */
  private static String yamlDoubleQuoted(String value) {
    StringBuilder s = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      if (c == '"' || c == '\\') {
        s.append('\\').append(c);
      } else if (c < 0x20) {
        s.append(String.format(java.util.Locale.ROOT, "\\x%02x", (int) c));
      } else {
        s.append(c);
      }
    }
    return s.append('"').toString();
  }

  private static String line(String text, String prefix) {
    for (String l : text.split("\n")) {
      if (l.startsWith(prefix)) {
        return l;
      }
    }
    throw new AssertionError("no line starting '" + prefix + "' in:\n" + text);
  }

  private static String psAssignment(String text, String variable) {
    String l = line(text, variable + " = ");
    WindowsReaders.Literal literal = WindowsReaders.powershellSingleQuoted(l, variable.length() + 3);
    assertEquals(l.length(), literal.end(), "nothing follows the literal in: " + l);
    return literal.value();
  }
}
