package dev.clusterkit.cli;

import dev.clusterkit.core.ClusterKit;
import dev.clusterkit.core.runtime.RuntimeSettings;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The top command; it does nothing itself, so picocli asks for a subcommand. */
@Command(
    name = "clusterkit",
    mixinStandardHelpOptions = true,
    scope = ScopeType.INHERIT,
    versionProvider = VersionProvider.class,
    description = "Makes a JobCenter site cluster-ready: renders cluster product scripts from a spec and lints them.",
    subcommands = {
      RenderCommand.class, LintCommand.class, PackageCommand.class, VerifyBundleCommand.class,
      TargetsCommand.class, SchemaCommand.class, RulesCommand.class, DiffCommand.class,
      DoctorCommand.class, SiteCommand.class
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  done; lint found nothing at or above --fail-on; diff found no drift; doctor: no check failed",
      "  1  lint found something at or above --fail-on; diff found drift; doctor: a check failed",
      "  2  bad usage, a spec or template that cannot be used, or an I/O error",
      "  3  internal error (--verbose shows the stack trace)",
      "  'clusterkit site' commands end with the JobCenter runtime's codes: see 'clusterkit site --help'"
    })
final class ClusterKitCommand {
  private final Supplier<ClusterKit> kit;
  private final Supplier<RuntimeSettings> runtime;

  // Read by Errors from the parse result, wherever on the command line it was given.
  @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Show stack traces of errors.")
  boolean verbose;

  ClusterKitCommand(Supplier<ClusterKit> kit, Supplier<RuntimeSettings> runtime) {
    this.kit = kit;
    this.runtime = runtime;
  }

  ClusterKit kit() {
    return kit.get();
  }

  /** The embedded runtime's machine settings, read only by the site commands. */
  RuntimeSettings runtime() {
    return runtime.get();
  }
}
