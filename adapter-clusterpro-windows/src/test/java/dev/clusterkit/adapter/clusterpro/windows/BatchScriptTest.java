package dev.clusterkit.adapter.clusterpro.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterkit.adapter.clusterpro.windows.BatchFlow.Kind;
import dev.clusterkit.adapter.clusterpro.windows.BatchScript.Command;
import dev.clusterkit.adapter.clusterpro.windows.BatchScript.If;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchScriptTest {

  @Test
  void readsLabelsCommentsAndCommandsWithTheirLines() {
    BatchScript s = BatchScript.parse("""
        @echo off
        rem a comment & not a command
        :: also a comment
        :START here
          ARMLOAD  JOB /U  a  "C:\\Program Files\\x"   "-c"
        """);
    assertEquals(5, s.statements().size());
    assertInstanceOf(BatchScript.Label.class, s.statements().get(3));
    List<Command> commands = s.commands();
    assertEquals(List.of("echo", "armload"), commands.stream().map(Command::baseName).toList());
    Command armload = commands.get(1);
    assertEquals(5, armload.line());
    assertEquals(3, armload.column());
    assertEquals(List.of("ARMLOAD", "JOB", "/U", "a", "C:\\Program Files\\x", "-c"), armload.words());
    assertEquals("\"C:\\Program Files\\x\"", armload.raw().get(4));
  }

  @Test
  void aCaretJoinsTheNextLineAndEscapesSpecials() {
    BatchScript s = BatchScript.parse("ARMLOAD JOB /U a ^\n\"C:\\x\" b\necho a^&b > nul 2>&1\n");
    Command armload = s.commands().get(0);
    assertTrue(armload.continued());
    assertEquals(2, armload.lastLine());
    assertEquals(List.of("ARMLOAD", "JOB", "/U", "a", "C:\\x", "b"), armload.words());
    assertEquals(List.of("echo", "a&b"), s.commands().get(1).words());
  }

  @Test
  void readsIfWithElseBlocksAndChains() {
    BatchScript s = BatchScript.parse("""
        IF /I "%CLP_EVENT%"=="start" (
          echo one
          GOTO A
        ) ELSE (
          echo two
        )
        IF NOT "%X%" == "Y" echo three & echo four
        cmd1 && cmd2 || cmd3
        FOR %%f IN (a b) DO echo %%f
        :A
        """);
    If first = assertInstanceOf(If.class, s.statements().get(0));
    assertEquals("/I \"%CLP_EVENT%\"==\"start\"", first.condition());
    assertTrue(first.otherwise().isPresent());
    If second = assertInstanceOf(If.class, s.statements().get(1));
    assertEquals("NOT \"%X%\" == \"Y\"", second.condition());
    assertInstanceOf(BatchScript.Chain.class, second.then());
    assertEquals(List.of("echo", "goto", "echo", "echo", "echo", "cmd1", "cmd2", "cmd3", "echo"),
        s.commands().stream().map(Command::baseName).toList());
    assertEquals(List.of("CLP_EVENT", "X"), s.variables().stream().map(BatchScript.Variable::name).toList());
    assertEquals(List.of(), s.problems());
  }

  @Test
  void reportsUnclosedBlocks() {
    BatchScript s = BatchScript.parse("IF \"a\"==\"a\" (\necho x\n");
    assertEquals(List.of(new BatchScript.Problem(1, "'(' is never closed")), s.problems());
  }

  @Test
  void gotoSearchesForwardThenFromTheTopIgnoringCase() {
    BatchFlow flow = BatchFlow.of(BatchScript.parse("""
        :loop
        echo 1
        GOTO LOOP
        :Loop
        echo 2
        GOTO :eof
        """));
    List<BatchFlow.Step> steps = flow.steps();
    assertEquals(Kind.GOTO, steps.get(2).kind());
    // From line 3, the next :loop is on line 4, not the first one on line 1.
    assertEquals(3, flow.resolveIn("LOOP", 2));
    assertEquals(0, flow.resolveIn("LOOP", 4));
    assertEquals(flow.end(), flow.resolveIn(":EOF", 4));
    assertTrue(flow.hasLabel(":eof"));
  }

  @Test
  void simulatorEvaluatesConditionsAsCmdDoes() {
    assertTrue(BatchSimulator.holds("\"%E%\" == \"START\"", Map.of("E", "START")));
    assertTrue(!BatchSimulator.holds("\"%E%\" == \"START\"", Map.of("E", "start")));
    assertTrue(BatchSimulator.holds("/I \"%E%\" == \"START\"", Map.of("E", "start")));
    assertTrue(BatchSimulator.holds("NOT \"%E%\" == \"START\"", Map.of()));
  }
}
