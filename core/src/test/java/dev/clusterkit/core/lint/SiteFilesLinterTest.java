package dev.clusterkit.core.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SiteFilesLinterTest {
  private final SiteFilesLinter linter = new SiteFilesLinter();

  @Test
  void recognisesSiteFilesByName() {
    assertTrue(linter.recognizes(new SourceFile("X:\\Jobdb\\etc\\site.conf", "")));
    assertTrue(linter.recognizes(new SourceFile("/usr/lib/nqs/rc/daemon.conf", "")));
    assertFalse(linter.recognizes(new SourceFile("/tmp/site.conf.bak", "")));
    assertFalse(linter.recognizes(new SourceFile("/tmp/start.sh", "")));
  }

  @Test
  void lintsEachKind() {
    List<Finding> findings =
        linter.lint(
            List.of(
                new SourceFile("a/site.conf", "STOP_TIMEOUT=20\n"),
                new SourceFile("b/daemon.conf", "local_daemon=ON\n"),
                new SourceFile("c/daemon.conf", "ipaddress=1.2.3\n"),
                new SourceFile("d/daemon.conf", "maintenance=OFF\nlocal_daemon=SITE\n")));
    assertEquals(
        List.of("a/site.conf:1:14 SCF003", "b/daemon.conf:1:14 DCF002", "c/daemon.conf:1:11 DCF003"),
        findings.stream().map(f -> f.location() + " " + f.code()).toList());
  }

  @Test
  void rulesCoverBothFiles() {
    assertEquals(15, SiteFilesLinter.rules().size());
    assertEquals("SCF001", SiteFilesLinter.rules().get(0).code());
    assertEquals("DCF009", SiteFilesLinter.rules().get(14).code());
  }
}
