package dev.clusterkit.core.runtime;

import dev.clusterkit.core.site.RestartRule;
import dev.clusterkit.core.site.RestartRule.JobRestart;
import dev.clusterkit.core.site.RestartRule.QueueRestart;
import dev.clusterkit.core.site.SiteControlException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The small job spool of an embedded site, and the failover recovery of guide 2.5.4.
 *
 * <pre>
 * nqs/spool/queues:  QUEUE RESTART|PURGE|STOP|MIGRATION_PURGE|MIGRATION_STOP
 * nqs/spool/jobs:    JOB-ID QUEUE ENABLE|DISABLE QUEUED|RUNNING|HELD
 * </pre>
 *
 * When a site starts, every job still marked RUNNING was cut off by the failover; {@link #recover}
 * decides its fate from its queue's restart attribute and its own restart setting ({@link
 * RestartRule}): re-queued (QUEUED), deleted, or held until its stopped queue is started (HELD).
 */
public final class JobSpool {
  /** A job's state in the spool. */
  public enum State {
    QUEUED,
    RUNNING,
    HELD
  }

  /** One job line. */
  public record Job(String id, String queue, JobRestart restart, State state) {}

  /** What recovery did with one job that was running. */
  public record Decision(Job job, QueueRestart queueRestart, RestartRule.Outcome outcome) {
    /** The log line: job, queue, both settings, the fate and the rule. */
    public String describe() {
      String fate =
          switch (outcome.fate()) {
            case RERUN -> "re-queued";
            case DELETED -> "deleted";
            case HELD_IN_STOPPED_QUEUE -> "held in its stopped queue";
          };
      return "job "
          + job.id()
          + " in queue "
          + job.queue()
          + " (queue restart "
          + queueRestart
          + ", job restart "
          + job.restart()
          + ") was running: "
          + fate
          + " - "
          + outcome.reason()
          + (outcome.basis() == RestartRule.Basis.GUIDE ? " [guide 2.5.4]" : " [assumption]");
    }
  }

  private JobSpool() {}

  static Map<String, QueueRestart> readQueues(Path file) throws SiteControlException.Refused {
    Map<String, QueueRestart> queues = new LinkedHashMap<>();
    List<String> lines = lines(file);
    for (int i = 0; i < lines.size(); i++) {
      String[] f = fields(lines.get(i));
      if (f.length == 0) {
        continue;
      }
      if (f.length != 2) {
        throw bad(file, i + 1, "'" + lines.get(i).strip() + "' is not 'QUEUE RESTART-ATTRIBUTE'");
      }
      try {
        queues.put(f[0], QueueRestart.valueOf(f[1]));
      } catch (IllegalArgumentException e) {
        throw bad(file, i + 1, "restart attribute '" + f[1] + "' is not RESTART, PURGE, STOP, MIGRATION_PURGE or MIGRATION_STOP");
      }
    }
    return queues;
  }

  public static List<Job> readJobs(Path file) throws SiteControlException.Refused {
    List<Job> jobs = new ArrayList<>();
    List<String> lines = lines(file);
    for (int i = 0; i < lines.size(); i++) {
      String[] f = fields(lines.get(i));
      if (f.length == 0) {
        continue;
      }
      if (f.length != 4) {
        throw bad(file, i + 1, "'" + lines.get(i).strip() + "' is not 'JOB-ID QUEUE ENABLE|DISABLE STATE'");
      }
      try {
        jobs.add(new Job(f[0], f[1], JobRestart.valueOf(f[2]), State.valueOf(f[3])));
      } catch (IllegalArgumentException e) {
        throw bad(file, i + 1, "'" + f[2] + " " + f[3] + "' is not a restart setting (ENABLE, DISABLE) and a state (QUEUED, RUNNING, HELD)");
      }
    }
    return jobs;
  }

  static String writeJobs(List<Job> jobs) {
    StringBuilder s = new StringBuilder("# JOB-ID QUEUE RESTART STATE\n");
    for (Job j : jobs) {
      s.append(j.id()).append(' ').append(j.queue()).append(' ').append(j.restart()).append(' ').append(j.state()).append('\n');
    }
    return s.toString();
  }

  /**
   * Applies the restart rule to the jobs that were running, rewrites the jobs file and reports
   * each decision to {@code log}. Nothing is written when there is nothing to decide.
   */
  static List<Decision> recover(SiteDatabase db, Consumer<String> log) throws SiteControlException.Refused {
    Map<String, QueueRestart> queues = readQueues(db.queues());
    List<Job> jobs = readJobs(db.jobs());
    List<Decision> decisions = new ArrayList<>();
    List<Job> kept = new ArrayList<>();
    for (Job job : jobs) {
      if (job.state() != State.RUNNING) {
        kept.add(job);
        continue;
      }
      QueueRestart q = queues.get(job.queue());
      if (q == null) {
        throw new SiteControlException.Refused(
            db.jobs() + ": job " + job.id() + " is in queue '" + job.queue() + "', which " + db.queues() + " does not define");
      }
      RestartRule.Outcome outcome = RestartRule.outcome(q, job.restart());
      Decision d = new Decision(job, q, outcome);
      decisions.add(d);
      log.accept(d.describe());
      switch (outcome.fate()) {
        case RERUN -> kept.add(new Job(job.id(), job.queue(), job.restart(), State.QUEUED));
        case HELD_IN_STOPPED_QUEUE -> kept.add(new Job(job.id(), job.queue(), job.restart(), State.HELD));
        case DELETED -> {
          // Not kept.
        }
      }
    }
    if (!decisions.isEmpty()) {
      try {
        AtomicFile.write(db.jobs(), writeJobs(kept));
      } catch (IOException e) {
        throw new SiteControlException.Refused("cannot rewrite " + db.jobs() + ": " + e.getMessage(), e);
      }
    }
    return decisions;
  }

  private static List<String> lines(Path file) throws SiteControlException.Refused {
    try {
      return Files.readAllLines(file);
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new SiteControlException.Refused("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static String[] fields(String line) {
    String s = line.strip();
    return s.isEmpty() || s.startsWith("#") ? new String[0] : s.split("\\s+");
  }

  private static SiteControlException.Refused bad(Path file, int line, String what) {
    return new SiteControlException.Refused(file + ": line " + line + ": " + what);
  }
}
