package dev.clusterkit.core.lint.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterkit.core.lint.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Here-document bodies are data, and {@code 2>&1} is a redirection, not a background job. */
class ShellHeredocAndRedirectTest {

  private static ShellScript parse(String text) {
    return ShellScript.parse(new SourceFile("t.sh", text));
  }

  @Test
  void hereDocumentBodiesAreNotCommands() {
    ShellScript s = parse("""
        meta_data() {
            cat <<'END'
        <parameter name="x">
        if this were a command it would never be closed
        }
        END
        }
        cat <<-EOF >/tmp/x
        \tdone
        \tEOF
        echo after
        """);
    assertEquals(List.of(), s.problems());
    assertEquals(List.of("cat", "cat", "echo"), s.commands().stream().map(ShellCommand::name).toList());
    assertEquals(List.of(2), s.commandsOf("meta_data").stream().map(ShellCommand::line).toList());
    assertEquals(11, s.commands().get(2).line());
  }

  @Test
  void quotedOrCommentedDoubleAngleIsNotAHereDocument() {
    ShellScript s = parse("""
        echo "a <<END b"
        echo 'c <<END' # d <<END
        if true; then echo e; fi
        """);
    assertEquals(List.of(), s.problems());
    assertEquals(4, s.commands().size(), s.commands().toString());
    assertEquals(List.of(), ShellScript.heredocs("echo \"<<X\" '<<Y' # <<Z"));
    assertEquals(List.of(new ShellScript.Heredoc("A", false), new ShellScript.Heredoc("B", true)),
        ShellScript.heredocs("cat <<A; cat <<- \"B\""));
  }

  @Test
  void redirectingOutputToErrorIsNotABackgroundJob() {
    ShellScript s = parse("""
        cjcpw site.example.com /db >>/tmp/log 2>&1
        cjcpw -stop site.example.com </dev/null >/dev/null 2>&1 &
        """);
    assertEquals(2, s.commands().size(), s.commands().toString());
    assertFalse(s.commands().get(0).background());
    assertEquals(List.of("site.example.com", "/db", ">>/tmp/log", "2>&1"), s.commands().get(0).args());
    assertTrue(s.commands().get(1).background());
  }
}
