package dev.clusterkit.it.e2e;

import dev.clusterkit.core.runtime.JobSpool;
import dev.clusterkit.core.site.RestartRule.JobRestart;
import dev.clusterkit.core.site.RestartRule.QueueRestart;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A site's job spool as the tests set it up, and the test daemon that runs jobs.
 *
 * <p>The runtime keeps the spool in {@code nqs/spool/queues} and {@code nqs/spool/jobs} (see
 * {@link JobSpool}) and applies the restart rule of guide 2.5.4 when a site starts. What runs jobs
 * is JobCenter's business; here {@link #RUNNER}, a site daemon, stands for it: when it starts it
 * marks QUEUED jobs RUNNING, at most {@link #runnerLimit} running at a time, and writes "JOB NODE"
 * to {@code runs.log} in the site database for each, so a test sees which node ran which job.
 */
record JobSpoolFixture(Map<String, QueueRestart> queues, List<JobSpool.Job> jobs, int runnerLimit) {
  static final String RUNNER =
      """
      #!/bin/sh
      # clusterkit e2e test daemon: runs the site's QUEUED jobs (marks them RUNNING), at most $1
      # at a time, then logs "JOB NODE" for each to runs.log and stays up until it is signalled.
      jobs=nqs/spool/jobs
      awk -v max="$1" -v node="${CLUSTERKIT_HOSTNAME:-unknown}" -v ran="$jobs.ran" '
        FNR == NR { if (NF == 4 && $4 == "RUNNING") running++; next }
        NF == 4 && $1 !~ /^#/ && $4 == "QUEUED" && running < max {
          print $1, $2, $3, "RUNNING"
          print $1, node > ran
          running++
          next
        }
        { print }
      ' "$jobs" "$jobs" > "$jobs.runner" && mv "$jobs.runner" "$jobs"
      # The log follows the spool: whoever sees a job in it sees the spool that says RUNNING.
      if [ -f "$jobs.ran" ]; then
        cat "$jobs.ran" >> runs.log && rm -f "$jobs.ran"
      fi
      exec sleep 600
      """;

  /** The queue named after each restart attribute: q-restart, q-purge, q-stop, ... */
  static String queueOf(QueueRestart q) {
    return "q-" + q.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static Map<String, QueueRestart> everyQueue() {
    Map<String, QueueRestart> queues = new TreeMap<>();
    for (QueueRestart q : QueueRestart.values()) {
      queues.put(queueOf(q), q);
    }
    return queues;
  }

  private static JobSpool.Job job(String id, QueueRestart q, JobRestart r, JobSpool.State s) {
    return new JobSpool.Job(id, queueOf(q), r, s);
  }

  /**
   * The restart matrix: one job per queue attribute and job setting, ten in all, the first the
   * runner takes; then two more queued behind them and one held.
   */
  static JobSpoolFixture restartMatrix() {
    List<JobSpool.Job> jobs = new ArrayList<>();
    for (QueueRestart q : QueueRestart.values()) {
      for (JobRestart r : JobRestart.values()) {
        jobs.add(job(matrixId(q, r), q, r, JobSpool.State.QUEUED));
      }
    }
    jobs.add(job("waiting-1", QueueRestart.RESTART, JobRestart.ENABLE, JobSpool.State.QUEUED));
    jobs.add(job("waiting-2", QueueRestart.PURGE, JobRestart.DISABLE, JobSpool.State.QUEUED));
    jobs.add(job("held-1", QueueRestart.RESTART, JobRestart.ENABLE, JobSpool.State.HELD));
    return new JobSpoolFixture(everyQueue(), jobs, jobs.size() - 3);
  }

  static String matrixId(QueueRestart q, JobRestart r) {
    return q.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-" + r.name().toLowerCase(Locale.ROOT);
  }

  /**
   * For a planned switch-over: two jobs the runner takes, both in a RESTART queue with restart
   * enabled, and behind them queued jobs in every queue and a held one.
   */
  static JobSpoolFixture switchOver() {
    List<JobSpool.Job> jobs = new ArrayList<>();
    jobs.add(job("running-1", QueueRestart.RESTART, JobRestart.ENABLE, JobSpool.State.QUEUED));
    jobs.add(job("running-2", QueueRestart.RESTART, JobRestart.ENABLE, JobSpool.State.QUEUED));
    for (QueueRestart q : QueueRestart.values()) {
      for (JobRestart r : JobRestart.values()) {
        jobs.add(job("queued-" + matrixId(q, r), q, r, JobSpool.State.QUEUED));
      }
    }
    jobs.add(job("held-1", QueueRestart.STOP, JobRestart.ENABLE, JobSpool.State.HELD));
    return new JobSpoolFixture(everyQueue(), jobs, 2);
  }

  /** {@code count} queued jobs spread over every queue and setting; the runner takes 100. */
  static JobSpoolFixture spooled(int count) {
    List<JobSpool.Job> jobs = new ArrayList<>();
    QueueRestart[] q = QueueRestart.values();
    JobRestart[] r = JobRestart.values();
    for (int i = 0; i < count; i++) {
      jobs.add(job(String.format("%06d", i), q[i % q.length], r[(i / q.length) % r.length], JobSpool.State.QUEUED));
    }
    return new JobSpoolFixture(everyQueue(), jobs, 100);
  }

  void writeTo(Path db) throws IOException {
    StringBuilder qs = new StringBuilder("# QUEUE RESTART\n");
    queues.forEach((name, restart) -> qs.append(name).append(' ').append(restart).append('\n'));
    Files.writeString(db.resolve("nqs/spool/queues"), qs.toString());
    StringBuilder js = new StringBuilder("# JOB-ID QUEUE RESTART STATE\n");
    for (JobSpool.Job j : jobs) {
      js.append(j.id()).append(' ').append(j.queue()).append(' ').append(j.restart()).append(' ').append(j.state()).append('\n');
    }
    Files.writeString(db.resolve("nqs/spool/jobs"), js.toString());
    Files.deleteIfExists(db.resolve("runs.log"));
  }

  /** The jobs of the spool now, by ID. */
  static Map<String, JobSpool.Job> read(Path db) throws Exception {
    Map<String, JobSpool.Job> byId = new TreeMap<>();
    for (JobSpool.Job j : JobSpool.readJobs(db.resolve("nqs/spool/jobs"))) {
      byId.put(j.id(), j);
    }
    return byId;
  }

  /** The jobs the runner ran on {@code node}, in the order it ran them. */
  static List<String> ranOn(Path db, String node) throws IOException {
    Path log = db.resolve("runs.log");
    if (!Files.exists(log)) {
      return List.of();
    }
    return Files.readAllLines(log).stream()
        .map(l -> l.split(" "))
        .filter(f -> f.length == 2 && f[1].equals(node))
        .map(f -> f[0])
        .toList();
  }
}
