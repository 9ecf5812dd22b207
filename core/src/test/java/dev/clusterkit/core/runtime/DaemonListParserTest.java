package dev.clusterkit.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.clusterkit.core.site.SiteControlException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DaemonListParserTest {
  static final Map<String, String> VARS = Map.of("SITE_PORT", "607", "SITE_DB", "/mnt/jobdb");

  @Test
  void readsDaemonsInOrderWithVariablesExpanded() throws Exception {
    List<DaemonSpec> daemons =
        DaemonListParser.parse(
            "# site\n[nqsdaemon]\nexec=/bin/nqsdaemon\narg=${SITE_DB}/x y\nenv=A=b=c\nready=port ${SITE_PORT}\n\n[jnwengine]\nexec=/bin/e\nawait=ready\n",
            "daemons.conf",
            VARS);
    assertEquals(
        List.of(
            new DaemonSpec("nqsdaemon", List.of("/bin/nqsdaemon", "/mnt/jobdb/x y"), Map.of("A", "b=c"), new DaemonSpec.Readiness.PortBound(607), false),
            new DaemonSpec("jnwengine", List.of("/bin/e"), Map.of(), new DaemonSpec.Readiness.AliveFor(Duration.ofMillis(200)), true)),
        daemons);
  }

  @Test
  void errorsNameTheFileTheLineAndTheRule() {
    assertError("daemons.conf: line 1: 'exec=/x' comes before the first [daemon-name] line", "exec=/x\n");
    assertError("daemons.conf: line 3: daemon [a] is defined twice", "[a]\nexec=/x\n[a]\nexec=/y\n");
    assertError("daemons.conf: line 2: unknown variable ${NOPE}; known: SITE_DB, SITE_PORT", "[a]\nexec=${NOPE}\n");
    assertError("daemons.conf: line 3: ready=soon is not 'alive MILLISECONDS' or 'port NUMBER'", "[a]\nexec=/x\nready=soon\n");
    assertError("daemons.conf: line 1: daemon a has no exec= program", "[a]\nready=alive 5\n");
    assertError("daemons.conf: line 2: unknown key 'cmd' (exec, arg, env, ready, await)", "[a]\ncmd=/x\n");
    assertError(
        "daemons.conf: line 1: daemon name 'a b' may hold only letters, digits and . _ - (it names a log file)", "[a b]\nexec=/x\n");
  }

  private static void assertError(String message, String text) {
    SiteControlException.Refused e =
        assertThrows(SiteControlException.Refused.class, () -> DaemonListParser.parse(text, "daemons.conf", VARS));
    assertEquals(message, e.getMessage());
  }
}
