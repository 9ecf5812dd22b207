package dev.clusterkit.cli;

import dev.clusterkit.core.ClusterKit;
import dev.clusterkit.core.runtime.RuntimeSettings;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Supplier;
import picocli.CommandLine;

/** The {@code clusterkit} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command on the process's standard streams and returns its exit code. */
  public static int run(String... args) {
    return run(utf8(System.out), utf8(System.err), args);
  }

  /** Runs the command with the adapters on the class path, writing to the given streams. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return run(ClusterKit::create, out, err, args);
  }

  /**
   * Runs the command with a given {@link ClusterKit} (created only when a command needs it, so a
   * failure to create it is reported like any other).
   */
  public static int run(Supplier<ClusterKit> kit, PrintWriter out, PrintWriter err, String... args) {
    return run(kit, RuntimeSettings::fromEnvironment, out, err, args);
  }

  /**
   * Runs the command with given embedded-runtime settings for the {@code site} commands (by
   * default they come from the {@code CLUSTERKIT_*} environment variables).
   */
  public static int run(
      Supplier<ClusterKit> kit, Supplier<RuntimeSettings> runtime, PrintWriter out, PrintWriter err, String... args) {
    CommandLine cmd = new CommandLine(new ClusterKitCommand(kit, runtime));
    cmd.setOut(out);
    cmd.setErr(err);
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    cmd.setParameterExceptionHandler(Errors::onUsageError);
    cmd.setExecutionExceptionHandler(Errors::onExecutionError);
    try {
      return cmd.execute(args);
    } catch (Error e) {
      // picocli hands only Exceptions to the handler; a broken class path surfaces as an Error.
      boolean verbose = Arrays.asList(args).contains("--verbose");
      err.println("clusterkit: internal error: " + Errors.oneLine(String.valueOf(e))
          + (verbose ? "" : " (run with --verbose for the stack trace)"));
      if (verbose) {
        e.printStackTrace(err);
      }
      return ExitCodes.INTERNAL_ERROR;
    } finally {
      out.flush();
      err.flush();
    }
  }

  // Always UTF-8 so that `clusterkit schema > file` gives the same bytes under every locale.
  private static PrintWriter utf8(PrintStream stream) {
    return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
  }
}
