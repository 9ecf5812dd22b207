package dev.clusterkit.core.runtime;

import dev.clusterkit.core.site.CjclsTable;
import dev.clusterkit.core.site.MachineId;
import dev.clusterkit.core.site.Platform;
import dev.clusterkit.core.site.SiteControl;
import dev.clusterkit.core.site.SiteControlException;
import dev.clusterkit.core.site.SiteDatabasePath;
import dev.clusterkit.core.site.SiteName;
import dev.clusterkit.core.site.SiteSelection;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JobCenter commands over the embedded runtime, with their own argument syntax, so that a
 * vendor script calling them runs unchanged (see {@link ShimInstaller}):
 *
 * <pre>
 * cjcpw SITE DBPATH              start the site and watch it; returns when the site stops
 * cjcpw -c SITE DBPATH           start the daemons and return at once
 * cjcpw -stop SITE               stop the site and wait until it has stopped
 * cjcmksite [--replace] SITE MACHINEID DBPATH
 * cjcls [--json]
 * nqsstart [SITE]                start the daemons (SITE defaults to $NQS_SITE)
 * nqsstop [SITE]                 stop the daemons; a running cjcpw stays up
 * nqsportkpr ADDRESS             hold the NQS port on ADDRESS until the site's daemon takes it
 * site-delete --clear|--delete SITE   forget a site, keeping (clear) or removing (delete) its database
 * agent PREFIX                   serve the shims of PREFIX from this JVM until ended ({@link RuntimeAgent})
 * </pre>
 *
 * Exit codes: 0 done; 1 the site failed (a daemon died, failed to start or to get ready within
 * BOOT_TIMEOUT, or would not stop within STOP_TIMEOUT); 2 wrong arguments; 3 refused before
 * anything ran (configuration, existing database, umask, stack size); 4 already running; 5 unknown
 * site; 7 not running ({@code cjcpw -stop} and {@code nqsstop} of a site that does not run).
 *
 * <p>Machine settings come from the {@code CLUSTERKIT_*} environment variables described in {@link
 * RuntimeSettings}.
 */
public final class JobCenterCommands {
  /** The commands, as the shims call them. */
  public static final List<String> COMMANDS =
      List.of("cjcpw", "cjcmksite", "cjcls", "nqsstart", "nqsstop", "nqsportkpr", "site-delete", "agent");

  private static final String JNA_SEARCH_PATH = "jna.platform.library.path";

  private JobCenterCommands() {}

  public static void main(String[] args) {
    if (args.length == 0) {
      System.err.println("usage: JobCenterCommands COMMAND [ARGS...]; commands: " + String.join(", ", COMMANDS));
      System.exit(SiteControlException.EXIT_USAGE);
    }
    // JNA's first use runs `ldconfig -p` (a process, 15-40 ms) to build a library search path,
    // unless this is set; NativePosix loads libc by its soname, which needs no search path.
    if (System.getProperty(JNA_SEARCH_PATH) == null) {
      System.setProperty(JNA_SEARCH_PATH, "/lib:/usr/lib");
    }
    boolean stop = args.length > 1 && args[1].equals("-stop");
    if ((args[0].equals("cjcpw") && !stop) || args[0].equals("cjcmksite")) {
      preloadLibc();
    }
    int code = run(args[0], Arrays.copyOfRange(args, 1, args.length), System.out, System.err);
    System.out.flush();
    System.exit(code);
  }

  /**
   * Starts loading libc through JNA (50-100 ms) on a background thread, so that it overlaps the
   * reading of the site database instead of delaying the first daemon.
   */
  private static void preloadLibc() {
    // A named class, not a lambda: the first lambda of a JVM costs 10-15 ms of bootstrap.
    Thread t = new Thread(new Runnable() {
          @Override
          public void run() {
            Posix.system().preload();
          }
        }, "libc-preload");
    t.setDaemon(true);
    t.start();
  }

  /** Runs {@code command} with {@code args}; returns its exit code. */
  public static int run(String command, String[] args, PrintStream out, PrintStream err) {
    return run(command, args, Caller.self(), out, err);
  }

  /**
   * Runs {@code command} for {@code caller} (the runtime agent's client): the settings, NQS_SITE
   * and the daemons' environment come from its environment.
   */
  static int run(String command, String[] args, Caller caller, PrintStream out, PrintStream err) {
    Map<String, String> environment = caller.environment();
    if (command.equals("agent")) {
      return serveAgent(args, err);
    }
    RuntimeSettings settings;
    try {
      settings = RuntimeSettings.fromEnvironment(environment);
    } catch (IllegalArgumentException e) {
      err.println(command + ": " + e.getMessage());
      return SiteControlException.EXIT_USAGE;
    }
    EmbeddedSiteControl control = new EmbeddedSiteControl(settings, out, Posix.system(), caller);
    return run(command, args, control, Optional.ofNullable(environment.get("NQS_SITE")), out, err);
  }

  /** Runs {@code command} against {@code control}. */
  public static int run(String command, String[] args, SiteControl control, PrintStream out, PrintStream err) {
    return run(command, args, control, Optional.ofNullable(System.getenv("NQS_SITE")), out, err);
  }

  private static int run(
      String command, String[] args, SiteControl control, Optional<String> nqsSite, PrintStream out, PrintStream err) {
    List<String> a = List.of(args);
    try {
      switch (command) {
        case "cjcpw" -> {
          if (a.size() == 2 && a.get(0).equals("-stop")) {
            control.stop(new SiteName(a.get(1)));
          } else if (a.size() == 3 && a.get(0).equals("-c")) {
            control.startUnwatched(new SiteName(a.get(1)), dbPath(a.get(2)));
          } else if (a.size() == 2 && !a.get(0).startsWith("-")) {
            SiteControl.SiteExit exit = control.runWatched(new SiteName(a.get(0)), dbPath(a.get(1)));
            if (exit.failed()) {
              err.println("cjcpw: " + exit.reason());
            }
            return exit.exitCode();
          } else {
            return usage(err, "cjcpw SITE DBPATH | cjcpw -c SITE DBPATH | cjcpw -stop SITE");
          }
        }
        case "cjcmksite" -> {
          List<String> rest = new ArrayList<>(a);
          boolean replace = rest.remove("--replace");
          if (rest.size() != 3) {
            return usage(err, "cjcmksite [--replace] SITE MACHINEID DBPATH");
          }
          int id;
          try {
            id = Integer.parseInt(rest.get(1));
          } catch (NumberFormatException e) {
            err.println("cjcmksite: machine ID '" + rest.get(1) + "' is not a whole number");
            return SiteControlException.EXIT_USAGE;
          }
          control.create(new SiteName(rest.get(0)), new MachineId(id), dbPath(rest.get(2)), replace);
        }
        case "cjcls" -> {
          if (a.size() > 1 || (a.size() == 1 && !a.get(0).equals("--json"))) {
            return usage(err, "cjcls [--json]");
          }
          out.print(a.isEmpty() ? CjclsTable.format(control.list()) : CjclsTable.toJson(control.list()));
        }
        case "nqsstart", "nqsstop" -> {
          if (a.size() > 1) {
            return usage(err, command + " [SITE]");
          }
          SiteName site = siteOf(a, control, nqsSite, command);
          if (command.equals("nqsstart")) {
            control.startDaemons(site);
          } else {
            control.stopDaemons(site);
          }
        }
        case "nqsportkpr" -> {
          if (a.size() != 1) {
            return usage(err, "nqsportkpr ADDRESS");
          }
          control.keepPort(a.get(0));
        }
        case "site-delete" -> {
          if (a.size() != 2 || !(a.get(0).equals("--clear") || a.get(0).equals("--delete"))) {
            return usage(err, "site-delete --clear|--delete SITE");
          }
          control.delete(
              new SiteName(a.get(1)),
              a.get(0).equals("--clear") ? SiteControl.DeleteMode.CLEAR : SiteControl.DeleteMode.DELETE);
        }
        default -> {
          err.println("unknown command '" + command + "'; commands: " + String.join(", ", COMMANDS));
          return SiteControlException.EXIT_USAGE;
        }
      }
      return 0;
    } catch (SiteControlException e) {
      err.println(command + ": " + e.getMessage());
      return e.exitCode();
    } catch (IllegalArgumentException e) {
      err.println(command + ": " + e.getMessage());
      return SiteControlException.EXIT_USAGE;
    }
  }

  private static SiteName siteOf(List<String> a, SiteControl control, Optional<String> nqsSite, String command)
      throws SiteControlException {
    if (!a.isEmpty()) {
      return new SiteName(a.get(0));
    }
    SiteSelection selected = control.resolve(nqsSite);
    if (selected instanceof SiteSelection.Cluster c) {
      return new SiteName(c.site().name());
    }
    throw new SiteControlException.Refused(
        command + " without SITE works on the local site, which the embedded runtime does not run; give a cluster site name or set NQS_SITE");
  }

  /** {@code agent PREFIX}: serves the shims of PREFIX until this process is ended. */
  private static int serveAgent(String[] args, PrintStream err) {
    if (args.length != 1 || !args[0].startsWith("/")) {
      return usage(err, "agent PREFIX (the absolute install root of the shims)");
    }
    try {
      RuntimeAgent.serve(Path.of(args[0]), err);
      return 0;
    } catch (IOException e) {
      err.println("clusterkit-agent: " + e.getMessage());
      return SiteControlException.EXIT_REFUSED;
    }
  }

  private static SiteDatabasePath dbPath(String path) {
    return new SiteDatabasePath(path, Platform.Family.POSIX);
  }

  private static int usage(PrintStream err, String syntax) {
    err.println("usage: " + syntax);
    return SiteControlException.EXIT_USAGE;
  }
}
