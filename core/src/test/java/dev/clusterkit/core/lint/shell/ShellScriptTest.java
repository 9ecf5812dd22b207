package dev.clusterkit.core.lint.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterkit.core.lint.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Function definitions in the forms cluster scripts use: POSIX {@code f()} and ksh {@code function f}. */
class ShellScriptTest {

  private static ShellScript parse(String text) {
    return ShellScript.parse(new SourceFile("t.sh", text));
  }

  private static List<String> names(List<ShellCommand> commands) {
    return commands.stream().map(ShellCommand::name).toList();
  }

  @Test
  void kshFunctionWithBraceOnTheNextLine() {
    ShellScript s = parse("""
        function customer_defined_run_cmds
        {
            /usr/lib/nqs/nqsportkpr testsite
            test_return 51
        }
        echo after
        """);
    assertEquals(List.of(), s.problems());
    assertEquals(List.of(new ShellScript.Function("customer_defined_run_cmds", 1, 5)), s.functions());
    assertEquals(List.of("/usr/lib/nqs/nqsportkpr", "test_return"), names(s.commandsOf("customer_defined_run_cmds")));
    assertEquals(0, s.commands().get(2).depth());
  }

  @Test
  void kshFunctionWithBraceOnTheSameLine() {
    ShellScript s = parse("""
        function halt_cmds {
            if [ -x /bin/true ]; then
                /bin/true
            fi
        }
        """);
    assertEquals(List.of(), s.problems());
    assertEquals(List.of(new ShellScript.Function("halt_cmds", 1, 5)), s.functions());
    assertEquals(List.of("[", "/bin/true"), names(s.commandsOf("halt_cmds")));
  }

  @Test
  void posixFunctionsInBothBraceStyles() {
    ShellScript s = parse("""
        start() {
            echo start
        }
        stop ()
        {
            echo stop
        }
        """);
    assertEquals(List.of(), s.problems());
    assertEquals(List.of(new ShellScript.Function("start", 1, 3), new ShellScript.Function("stop", 4, 7)), s.functions());
    assertEquals(List.of("echo"), names(s.commandsOf("stop")));
    assertEquals(List.of("stop"), s.commandsOf("stop").get(0).args());
  }

  @Test
  void emptyFunctionBodyIsAProblemAndAnUnknownFunctionHasNoCommands() {
    ShellScript s = parse("""
        function f
        {
            # nothing
        }
        """);
    assertEquals(1, s.problems().size(), s.problems().toString());
    assertEquals(2, s.problems().get(0).line(), "reported at the empty body's brace");
    assertEquals(List.of(), s.commandsOf("g"));
  }

  @Test
  void plainBraceGroupIsNotAFunction() {
    ShellScript s = parse("""
        { echo a; echo b; } > /dev/null
        """);
    assertEquals(List.of(), s.functions());
    assertEquals(List.of(), s.problems());
  }
}
