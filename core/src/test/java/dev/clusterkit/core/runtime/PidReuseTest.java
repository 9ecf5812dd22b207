package dev.clusterkit.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterkit.core.site.SiteConf;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A PID recorded for a daemon that now belongs to another process is never signalled. */
class PidReuseTest {
  @TempDir Path tmp;

  @Test
  void aReusedPidIsNotSignalledAndCountsAsStopped() throws Exception {
    Process other = new ProcessBuilder("setsid", "sleep", "3600").start();
    try {
      ProcessIdentity real = ProcessIdentity.of(other.pid()).orElseThrow();
      ProcessIdentity recorded = new ProcessIdentity(other.pid(), real.startTicks() - 1);
      assertTrue(recorded.isReused());
      assertFalse(recorded.isAlive());
      ByteArrayOutputStream log = new ByteArrayOutputStream();
      SiteLog siteLog = new SiteLog("test", "site", new PrintStream(log, true, StandardCharsets.UTF_8), Optional.empty());

      List<String> left =
          GroupStopper.stop(
              List.of(new GroupStopper.Target("old", recorded)), SiteConf.DEFAULTS, RuntimeSettings.defaults(), Posix.system(), siteLog);

      assertEquals(List.of(), left);
      assertFalse(other.waitFor(300, TimeUnit.MILLISECONDS), "the other process was left alone");
      assertTrue(real.isAlive());
    } finally {
      other.destroyForcibly();
    }
  }

  @Test
  void aStaleSupervisorRecordWithAReusedPidDoesNotCountAsRunning() throws Exception {
    SiteDatabase db = new SiteDatabase(tmp);
    Files.createDirectories(db.run());
    ProcessIdentity self = ProcessIdentity.of(ProcessHandle.current().pid()).orElseThrow();
    RunState.writeSupervisor(db, new ProcessIdentity(self.pid(), self.startTicks() + 5));
    assertTrue(RunState.readSupervisor(db).isPresent());
    assertTrue(RunState.liveSupervisor(db).isEmpty());
    RunState.writeSupervisor(db, self);
    assertEquals(Optional.of(self), RunState.liveSupervisor(db));
  }

  @Test
  void aRecordFromAnotherBootIsIgnored() throws Exception {
    SiteDatabase db = new SiteDatabase(tmp);
    Files.createDirectories(db.run());
    long pid = ProcessHandle.current().pid();
    ProcessIdentity self = ProcessIdentity.of(pid).orElseThrow();
    Files.writeString(db.daemonsState(), "boot=other-node\nmode=watched\ndaemon=d1 " + pid + " " + self.startTicks() + "\n");
    assertTrue(RunState.readDaemons(db).daemons().isEmpty());
  }

  @Test
  void nativePosixReadsTheStackLimitAndUmask() {
    Posix posix = Posix.system();
    assertTrue(posix.supported(), "JNA loads libc on Linux");
    assertTrue(posix.stackLimit().isEmpty() || posix.stackLimit().getAsLong() > 0);
    assertEquals(posix.umask(), posix.umask() & 0777);
  }
}
