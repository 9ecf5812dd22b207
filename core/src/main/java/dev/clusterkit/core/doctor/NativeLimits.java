package dev.clusterkit.core.doctor;

import java.util.OptionalLong;

/** The process limits the JDK does not show: the umask and the stack size limit. */
public interface NativeLimits {

  /** This process's file mode creation mask. */
  int umask() throws NotSupportedException;

  /** The soft stack size limit in KB; empty when unlimited. */
  OptionalLong stackLimitKb() throws NotSupportedException;
}
