package dev.clusterkit.cli;

import dev.clusterkit.core.runtime.EmbeddedSiteControl;
import dev.clusterkit.core.runtime.RuntimeSettings;
import dev.clusterkit.core.site.SiteControl;
import dev.clusterkit.core.site.SiteControlException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * A {@code clusterkit site} command: runs one {@link SiteControl} operation on the embedded
 * runtime and ends with the exit code of the {@link SiteControlException} it may throw, so the
 * command and the JobCenter shims agree.
 */
abstract class SiteSubcommand implements Callable<Integer> {
  @ParentCommand SiteCommand site;
  @Spec CommandSpec spec;

  /** Does the work; returns the exit code when it is not a plain 0. */
  abstract int run(SiteControl control, PrintStream out) throws SiteControlException;

  @Override
  public final Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    RuntimeSettings settings;
    try {
      settings = site.runtime();
    } catch (IllegalArgumentException e) {
      err.println(name() + ": " + Errors.oneLine(e.getMessage()));
      return SiteCommand.EXIT_BAD_SETTINGS;
    }
    PrintStream out = new PrintStream(new WriterOutputStream(spec.commandLine().getOut()), true, StandardCharsets.UTF_8);
    try {
      return run(new EmbeddedSiteControl(settings, out), out);
    } catch (SiteControlException e) {
      out.flush();
      err.println(name() + ": " + Errors.oneLine(e.getMessage()));
      return e.exitCode();
    } finally {
      out.flush();
    }
  }

  String name() {
    return spec.qualifiedName();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }
}
