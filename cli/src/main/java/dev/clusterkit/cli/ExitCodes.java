package dev.clusterkit.cli;

/** The command's exit codes; the README's CLI reference lists them. */
public final class ExitCodes {
  /** Done; for lint: no finding at or above the threshold. */
  public static final int OK = 0;

  /** lint found something at or above {@code --fail-on}; diff found drift. */
  public static final int FINDINGS = 1;

  /** Bad usage, a spec or template that cannot be used, or a file that cannot be read or written. */
  public static final int USER_ERROR = 2;

  /** A bug in clusterkit or an adapter; {@code --verbose} shows the stack trace. */
  public static final int INTERNAL_ERROR = 3;

  private ExitCodes() {}
}
