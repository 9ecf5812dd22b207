package dev.clusterkit.core.site;

import java.util.List;

/**
 * Why a {@link SiteControl} operation did not do what was asked. Each kind carries the exit code
 * the JobCenter-style commands end with (documented in {@code JobCenterCommands}).
 */
public abstract sealed class SiteControlException extends Exception
    permits SiteControlException.UnknownSite,
        SiteControlException.NotRunning,
        SiteControlException.AlreadyRunning,
        SiteControlException.Refused,
        SiteControlException.SiteFailed,
        SiteControlException.CommandFailed,
        SiteControlException.BadOutput {

  /** A command-line argument or the command itself is wrong. */
  public static final int EXIT_USAGE = 2;
  /** A daemon died, failed to start or to get ready, or a stop did not finish. */
  public static final int EXIT_FAILED = 1;
  /** Refused before anything ran: bad configuration, an existing database, umask, stack size. */
  public static final int EXIT_REFUSED = 3;
  /** The site is already running. */
  public static final int EXIT_ALREADY_RUNNING = 4;
  /** The site name selects no site of this machine. */
  public static final int EXIT_UNKNOWN_SITE = 5;
  /** The site is not running (as OCF's OCF_NOT_RUNNING). */
  public static final int EXIT_NOT_RUNNING = 7;

  private SiteControlException(String message) {
    super(message);
  }

  private SiteControlException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The exit code a command reports for this failure. */
  public abstract int exitCode();

  /** The name does not select a site of this machine. */
  public static final class UnknownSite extends SiteControlException {
    private final List<String> known;

    public UnknownSite(String name, List<String> known) {
      super(
          "site '"
              + name
              + "' does not exist on this machine; "
              + (known.isEmpty() ? "there is no cluster site" : "the sites are " + String.join(", ", known)));
      this.known = List.copyOf(known);
    }

    /** The names of the sites that do exist. */
    public List<String> known() {
      return known;
    }

    @Override
    public int exitCode() {
      return EXIT_UNKNOWN_SITE;
    }
  }

  /** The site (or its supervisor, or its daemons) is not running. */
  public static final class NotRunning extends SiteControlException {
    public NotRunning(String message) {
      super(message);
    }

    @Override
    public int exitCode() {
      return EXIT_NOT_RUNNING;
    }
  }

  /** The site is already running. */
  public static final class AlreadyRunning extends SiteControlException {
    public AlreadyRunning(String message) {
      super(message);
    }

    @Override
    public int exitCode() {
      return EXIT_ALREADY_RUNNING;
    }
  }

  /** Refused before anything was started or written. */
  public static final class Refused extends SiteControlException {
    public Refused(String message) {
      super(message);
    }

    public Refused(String message, Throwable cause) {
      super(message, cause);
    }

    @Override
    public int exitCode() {
      return EXIT_REFUSED;
    }
  }

  /** The site ran and failed: a daemon died, did not get ready in time, or would not stop. */
  public static final class SiteFailed extends SiteControlException {
    public SiteFailed(String message) {
      super(message);
    }

    public SiteFailed(String message, Throwable cause) {
      super(message, cause);
    }

    @Override
    public int exitCode() {
      return EXIT_FAILED;
    }
  }

  /** An installed JobCenter command ended with a non-zero exit code. */
  public static final class CommandFailed extends SiteControlException {
    private final int commandExitCode;

    public CommandFailed(List<String> command, int exitCode, String output) {
      super(
          String.join(" ", command)
              + " exited with code "
              + exitCode
              + (output.isBlank() ? "" : ": " + output.strip()));
      this.commandExitCode = exitCode;
    }

    public CommandFailed(List<String> command, String why, Throwable cause) {
      super(String.join(" ", command) + " could not be run: " + why, cause);
      this.commandExitCode = -1;
    }

    /** The command's own exit code, -1 when it could not be run. */
    public int commandExitCode() {
      return commandExitCode;
    }

    @Override
    public int exitCode() {
      return EXIT_FAILED;
    }
  }

  /** A command printed something we cannot read. */
  public static final class BadOutput extends SiteControlException {
    public BadOutput(String source, int line, String what) {
      super(source + ": line " + line + ": " + what);
    }

    @Override
    public int exitCode() {
      return EXIT_FAILED;
    }
  }
}
