package dev.clusterkit.core.site;

/**
 * What happens at failover to a job that was running when the site stopped (guide 2.5.4): the
 * queue's restart attribute combined with the unit job's restart setting.
 *
 * <p>The guide documents RESTART and PURGE (cases 1 to 3), and refers to NEC's "NQS機能利用の手引き"
 * 6.1 for the other attributes. That manual is not public: searches of public documentation and
 * code for the attribute names, for "キュー 再起動属性" and for NQS {@code qmgr} restart settings found
 * no text on STOP, MIGRATION_PURGE or MIGRATION_STOP. Their outcomes here are therefore assumptions,
 * marked {@link Basis#ASSUMPTION}: STOP keeps the job in the stopped queue until an operator
 * starts the queue, and the MIGRATION_ variants, which concern moving jobs to another machine,
 * behave as PURGE and STOP when the site restarts in place on the standby node. Treat them as
 * such in anything shown to users.
 */
public final class RestartRule {

  /** The restart attribute of the queue the job was in. */
  public enum QueueRestart {
    RESTART,
    PURGE,
    STOP,
    MIGRATION_PURGE,
    MIGRATION_STOP
  }

  /** The unit job's "restart" setting (the Other tab of the unit job parameters). */
  public enum JobRestart {
    ENABLE,
    DISABLE
  }

  /** What becomes of the job. */
  public enum Fate {
    /** The job runs again from its start after failover. */
    RERUN,
    /** The job is deleted and does not run again. */
    DELETED,
    /** The job stays in its queue, which is stopped, until an operator starts the queue. */
    HELD_IN_STOPPED_QUEUE
  }

  /** Whether an outcome is stated by the guide or assumed by us. */
  public enum Basis {
    GUIDE,
    ASSUMPTION
  }

  /** An outcome and why. */
  public record Outcome(Fate fate, Basis basis, String reason) {}

  private RestartRule() {}

  public static Outcome outcome(QueueRestart queue, JobRestart job) {
    return switch (queue) {
      case RESTART ->
          job == JobRestart.ENABLE
              ? new Outcome(Fate.RERUN, Basis.GUIDE, "RESTART queue re-runs the job (case 1)")
              : new Outcome(
                  Fate.DELETED,
                  Basis.GUIDE,
                  "the job's restart setting DISABLE wins over the RESTART queue (case 2)");
      case PURGE ->
          new Outcome(
              Fate.DELETED,
              Basis.GUIDE,
              "a PURGE queue deletes its jobs whatever their own setting (case 3)");
      case STOP, MIGRATION_STOP ->
          job == JobRestart.ENABLE
              ? new Outcome(
                  Fate.HELD_IN_STOPPED_QUEUE,
                  Basis.ASSUMPTION,
                  queue + " queue is stopped at restart; the job waits for the queue to be started")
              : new Outcome(
                  Fate.DELETED,
                  Basis.ASSUMPTION,
                  "the job's restart setting DISABLE is assumed to win, as with RESTART");
      case MIGRATION_PURGE ->
          new Outcome(
              Fate.DELETED,
              Basis.ASSUMPTION,
              "without a migration target MIGRATION_PURGE is assumed to act as PURGE");
    };
  }
}
