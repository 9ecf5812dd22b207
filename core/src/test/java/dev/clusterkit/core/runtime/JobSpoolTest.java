package dev.clusterkit.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterkit.core.runtime.JobSpool.Job;
import dev.clusterkit.core.runtime.JobSpool.State;
import dev.clusterkit.core.site.RestartRule.JobRestart;
import dev.clusterkit.core.site.RestartRule.QueueRestart;
import dev.clusterkit.core.site.SiteControlException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failover recovery over every cell of the restart matrix (guide 2.5.4). */
class JobSpoolTest {
  @TempDir Path tmp;

  /** The fate the rule gives each cell: the guide's cases 1-3 and our documented assumptions. */
  static final Map<String, State> EXPECTED =
      Map.of(
          "RESTART/ENABLE", State.QUEUED,
          "RESTART/DISABLE", State.RUNNING, // deleted
          "PURGE/ENABLE", State.RUNNING,
          "PURGE/DISABLE", State.RUNNING,
          "STOP/ENABLE", State.HELD,
          "STOP/DISABLE", State.RUNNING,
          "MIGRATION_PURGE/ENABLE", State.RUNNING,
          "MIGRATION_PURGE/DISABLE", State.RUNNING,
          "MIGRATION_STOP/ENABLE", State.HELD,
          "MIGRATION_STOP/DISABLE", State.RUNNING);

  @Test
  void everyCellOfTheRestartMatrixIsDecidedAndLogged() throws Exception {
    SiteDatabase db = new SiteDatabase(tmp);
    Files.createDirectories(db.spool());
    StringBuilder queues = new StringBuilder();
    List<Job> jobs = new ArrayList<>();
    int id = 1;
    for (QueueRestart q : QueueRestart.values()) {
      queues.append("q_").append(q).append(' ').append(q).append('\n');
      for (JobRestart r : JobRestart.values()) {
        jobs.add(new Job(Integer.toString(id++), "q_" + q, r, State.RUNNING));
      }
    }
    jobs.add(new Job("99", "q_PURGE", JobRestart.ENABLE, State.QUEUED));
    Files.writeString(db.queues(), queues.toString());
    Files.writeString(db.jobs(), JobSpool.writeJobs(jobs));
    List<String> log = new ArrayList<>();

    List<JobSpool.Decision> decisions = JobSpool.recover(db, log::add);

    assertEquals(10, decisions.size(), "one decision per running job; the queued job is left alone");
    Map<String, State> after = new TreeMap<>();
    for (Job j : JobSpool.readJobs(db.jobs())) {
      after.put(j.id(), j.state());
    }
    for (Job j : jobs.subList(0, 10)) {
      String cell = j.queue().substring(2) + "/" + j.restart();
      State expected = EXPECTED.get(cell);
      if (expected == State.RUNNING) {
        assertTrue(!after.containsKey(j.id()), cell + ": deleted");
      } else {
        assertEquals(expected, after.get(j.id()), cell);
      }
    }
    assertEquals(State.QUEUED, after.get("99"));
    assertEquals(
        "job 1 in queue q_RESTART (queue restart RESTART, job restart ENABLE) was running: re-queued - RESTART queue re-runs the job (case 1) [guide 2.5.4]",
        log.get(0));
    assertEquals(
        "job 2 in queue q_RESTART (queue restart RESTART, job restart DISABLE) was running: deleted - the job's restart setting DISABLE wins over the RESTART queue (case 2) [guide 2.5.4]",
        log.get(1));
    assertTrue(log.get(2).contains("q_PURGE") && log.get(2).contains(": deleted - a PURGE queue deletes its jobs"), log.get(2));
    assertTrue(log.get(4).endsWith("[assumption]"), log.get(4));
    assertTrue(JobSpool.recover(db, log::add).isEmpty(), "a second start finds nothing running");
  }

  @Test
  void aJobInAnUndefinedQueueIsAnErrorNamingBothFiles() throws Exception {
    SiteDatabase db = new SiteDatabase(tmp);
    Files.createDirectories(db.spool());
    Files.writeString(db.queues(), "batch RESTART\n");
    Files.writeString(db.jobs(), "7 nosuch ENABLE RUNNING\n");
    SiteControlException.Refused e = assertThrows(SiteControlException.Refused.class, () -> JobSpool.recover(db, l -> {}));
    assertEquals(db.jobs() + ": job 7 is in queue 'nosuch', which " + db.queues() + " does not define", e.getMessage());
  }

  @Test
  void malformedSpoolLinesNameFileAndLine() throws Exception {
    SiteDatabase db = new SiteDatabase(tmp);
    Files.createDirectories(db.spool());
    Files.writeString(db.queues(), "# comment\nbatch RESTARTS\n");
    SiteControlException.Refused e = assertThrows(SiteControlException.Refused.class, () -> JobSpool.recover(db, l -> {}));
    assertTrue(e.getMessage().startsWith(db.queues() + ": line 2: restart attribute 'RESTARTS'"), e.getMessage());
  }

  @Test
  void cjcpwAppliesTheRuleWhenTheSiteStartsAndLogsEachDecision() throws Exception {
    try (SiteFixture fx = new SiteFixture(tmp)) {
      Path site = fx.createSite(SiteFixture.SITE1, "db", fx.termDaemons(1));
      Files.writeString(site.resolve("nqs/spool/queues"), "batch RESTART\nnight PURGE\n");
      Files.writeString(site.resolve("nqs/spool/jobs"), "1 batch ENABLE RUNNING\n2 night ENABLE RUNNING\n3 batch DISABLE QUEUED\n");

      SiteFixture.Result start = fx.run("cjcpw", "-c", SiteFixture.SITE1, site.toString());

      assertEquals(0, start.exitCode(), start.describe());
      assertTrue(start.stdout().contains("job 1 in queue batch (queue restart RESTART, job restart ENABLE) was running: re-queued"), start.stdout());
      assertTrue(start.stdout().contains("job 2 in queue night (queue restart PURGE, job restart ENABLE) was running: deleted"), start.stdout());
      assertEquals(
          List.of(new Job("1", "batch", JobRestart.ENABLE, State.QUEUED), new Job("3", "batch", JobRestart.DISABLE, State.QUEUED)),
          JobSpool.readJobs(site.resolve("nqs/spool/jobs")));
      assertTrue(Files.readString(site.resolve("nqs/log/cjcpw.log")).contains("job 2 in queue night"));
      assertEquals(0, fx.run("cjcpw", "-stop", SiteFixture.SITE1).exitCode());
    }
  }
}
