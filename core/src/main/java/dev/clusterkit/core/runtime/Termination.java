package dev.clusterkit.core.runtime;

import java.util.Optional;

/**
 * A termination signal for a supervisor that does not arrive at its JVM: the runtime agent's
 * client received it, or ended. The supervisor stops its site as on SIGTERM. A request made
 * before the supervisor is up is kept and acted on as soon as it is; one made when no supervisor
 * comes (the command failed or was another) does nothing.
 */
final class Termination {
  private Optional<Runnable> action = Optional.empty();
  private boolean requested;

  synchronized void request() {
    if (!requested) {
      requested = true;
      action.ifPresent(Runnable::run);
    }
  }

  /** Called by the supervisor once it can stop: {@code stop} runs now or at the request. */
  synchronized void attach(Runnable stop) {
    action = Optional.of(stop);
    if (requested) {
      stop.run();
    }
  }
}
