package dev.clusterkit.core.lint.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterkit.core.lint.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShellStructureTest {
  private static ShellScript parse(String text) {
    return ShellScript.parse(new SourceFile("t.sh", text));
  }

  private static List<String> summary(ShellScript s) {
    return s.commands().stream().map(c -> c.line() + ":" + c.depth() + " " + String.join(" ", c.words())
        + (c.background() ? " &" : "")).toList();
  }

  @Test
  void commandsCarryTheirNestingAndQuotesAreRemoved() {
    ShellScript s = parse("""
        #!/bin/sh
        echo "a b" 'c'   # comment
        if [ "$X" = 1 ]; then
            /bin/run one && /bin/run two
        fi
        /bin/bg &
        """);
    assertEquals(List.of(), s.problems());
    assertEquals(List.of("2:0 echo a b c", "3:1 [ $X = 1 ]", "4:1 /bin/run one", "4:1 /bin/run two", "6:0 /bin/bg &"),
        summary(s));
  }

  @Test
  void caseArmsAreNestedAndPatternsAreNotCommands() {
    ShellScript s = parse("""
        case "${E:-}" in
        START|FAILOVER) echo go ;;
        "") exit 1 ;;
        *)
            exit 2
            ;;
        esac
        exit 0
        """);
    assertEquals(List.of(), s.problems());
    assertEquals(List.of("2:1 echo go", "3:1 exit 1", "5:1 exit 2", "8:0 exit 0"), summary(s));
  }

  @Test
  void anElseHoldingOnlyACommentIsAProblemAtTheElse() {
    ShellScript s = parse("""
        if true
        then
            echo x
        else
            #NO_CLP
        fi
        """);
    assertEquals(1, s.problems().size());
    assertEquals(4, s.problems().get(0).line());
    assertTrue(s.problems().get(0).message().contains("'else' branch"), s.problems().toString());
  }

  @Test
  void aColonMakesTheBranchValid() {
    assertEquals(List.of(), parse("if true; then :; else : # NO_CLP\nfi\n").problems());
  }

  @Test
  void unclosedAndStrayKeywordsAreProblems() {
    assertEquals(List.of("'if' is never closed"),
        parse("if true; then\n  echo x\n").problems().stream().map(ShellScript.Problem::message).toList());
    assertEquals(List.of("'fi' closes nothing"),
        parse("echo x\nfi\n").problems().stream().map(ShellScript.Problem::message).toList());
  }

  @Test
  void functionsAndContinuationLines() {
    ShellScript s = parse("""
        start() {
            /usr/bin/cmd \\
                --flag value
        }
        start
        """);
    assertEquals(List.of(), s.problems());
    assertEquals(List.of("2:1 /usr/bin/cmd --flag value", "5:0 start"), summary(s));
  }
}
