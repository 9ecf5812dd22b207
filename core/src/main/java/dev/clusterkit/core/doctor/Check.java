package dev.clusterkit.core.doctor;

import dev.clusterkit.core.lint.Rule;
import java.util.List;

/**
 * One pre-flight check of a node. Implementations read the machine only through {@link
 * DoctorContext#machine()}, so tests give them fakes, and never change anything.
 */
public interface Check {

  /** The registry entry of the results this check reports. */
  Rule rule();

  /** One result per subject (each selected site, each target, or the node), never none. */
  List<CheckResult> run(DoctorContext context);
}
