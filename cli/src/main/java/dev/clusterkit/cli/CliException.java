package dev.clusterkit.cli;

/** A problem with what the user asked for, reported as one line and exit code 2. */
final class CliException extends Exception {
  private static final long serialVersionUID = 1L;

  CliException(String message) {
    super(message);
  }
}
