package dev.clusterkit.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterkit.core.site.SiteConf;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
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

  /** Stops one daemon with the default site.conf; returns what would not stop. */
  private static List<String> stop(String name, ProcessIdentity leader) {
    SiteLog log = new SiteLog("test", "site", new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), Optional.empty());
    return GroupStopper.stop(
        List.of(new GroupStopper.Target(name, leader)), SiteConf.DEFAULTS, RuntimeSettings.defaults(), Posix.system(), log);
  }

  @Test
  void aReusedPidIsNotSignalledAndCountsAsStopped() throws Exception {
    Process other = new ProcessBuilder("setsid", "sleep", "3600").start();
    try {
      ProcessIdentity real = ProcessIdentity.of(other.pid()).orElseThrow();
      ProcessIdentity recorded = new ProcessIdentity(other.pid(), real.startTicks() - 1);
      assertTrue(recorded.isReused());
      assertFalse(recorded.isAlive());
      assertEquals(List.of(), stop("old", recorded));
      assertFalse(other.waitFor(300, TimeUnit.MILLISECONDS), "the other process was left alone");
      assertTrue(real.isAlive());
    } finally {
      other.destroyForcibly();
    }
  }

  /**
   * The case the reuse check must not get wrong: a daemon's leader has exited but what it forked
   * still runs in its group. Linux keeps a PID allocated while it names a live process group, so
   * the leader's PID cannot have been reused; the group is signalled and its members stop.
   */
  @Test
  void membersOfAGroupWhoseLeaderExitedAreStopped() throws Exception {
    Process leader = new ProcessBuilder("setsid", "sh", "-c", "sleep 3600 >/dev/null 2>&1 & echo $!; read -r _").start();
    ProcessIdentity recorded = ProcessIdentity.of(leader.pid()).orElseThrow();
    long member =
        Long.parseLong(new BufferedReader(new InputStreamReader(leader.getInputStream(), StandardCharsets.US_ASCII)).readLine().strip());
    try {
      leader.getOutputStream().close();
      assertTrue(leader.waitFor(10, TimeUnit.SECONDS));
      assertTrue(ProcessIdentity.groupAlive(recorded.pid()), "the member still runs in the leader's group");
      assertFalse(recorded.isReused(), "the kernel keeps the PID of a group that still has members");
      assertEquals(List.of(), stop("d1", recorded));
      assertFalse(ProcessIdentity.groupAlive(recorded.pid()));
    } finally {
      ProcessHandle.of(member).ifPresent(ProcessHandle::destroyForcibly);
      leader.destroyForcibly();
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
}
