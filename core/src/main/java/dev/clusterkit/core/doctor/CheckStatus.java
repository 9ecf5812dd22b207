package dev.clusterkit.core.doctor;

import java.util.Locale;

/** The outcome of one check. */
public enum CheckStatus {
  PASSED,
  FAILED,
  /** The check does not apply here (role, platform, missing input) or this machine cannot answer it. */
  NOT_APPLICABLE;

  /** {@code passed}, {@code failed}, {@code not-applicable}: the word the reports use. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
