package dev.clusterkit.core.runtime;

import java.util.Optional;

/**
 * What ends a supervisor from outside its JVM, for the runtime agent's client: a termination
 * signal the client received ({@link #request}: the site is stopped as on SIGTERM), or the client's
 * end without an answer ({@link #abandon}: the daemons are killed at once, as when a cjcpw JVM is
 * SIGKILLed). What comes before the supervisor is up is kept and acted on as soon as it is; what
 * comes when no supervisor does (the command failed, or was another) does nothing.
 */
final class Termination {
  /** What the supervisor does on each. */
  record Actions(Runnable stop, Runnable kill) {}

  private Optional<Actions> actions = Optional.empty();
  private boolean stopRequested;
  private boolean abandoned;

  synchronized void request() {
    if (!stopRequested) {
      stopRequested = true;
      actions.ifPresent(a -> a.stop().run());
    }
  }

  synchronized void abandon() {
    if (!abandoned) {
      abandoned = true;
      actions.ifPresent(a -> a.kill().run());
    }
  }

  /** Called by the supervisor once it can act. */
  synchronized void attach(Actions supervisor) {
    actions = Optional.of(supervisor);
    if (abandoned) {
      supervisor.kill().run();
    } else if (stopRequested) {
      supervisor.stop().run();
    }
  }
}
