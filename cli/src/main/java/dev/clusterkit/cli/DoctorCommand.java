package dev.clusterkit.cli;

import dev.clusterkit.core.ClusterKit;
import dev.clusterkit.core.doctor.Doctor;
import dev.clusterkit.core.doctor.DoctorContext;
import dev.clusterkit.core.doctor.DoctorReport;
import dev.clusterkit.core.doctor.Machine;
import dev.clusterkit.core.doctor.PasswdEntry;
import dev.clusterkit.core.doctor.Role;
import dev.clusterkit.core.runtime.RuntimeSettings;
import dev.clusterkit.core.spec.ClusterSpec;
import dev.clusterkit.core.spec.NodeSpec;
import dev.clusterkit.core.spec.SiteSpec;
import dev.clusterkit.core.spi.ClusterAdapter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "doctor",
    description = {
      "Checks this node against what the guide says must hold before and after building a cluster site:",
      "site name lookups, relocatable address, site database disk, job user IDs, ports, stack limit,",
      "local_daemon, machine IDs and JobCenter commands. Changes nothing. Exit 1 when a check fails."
    })
final class DoctorCommand implements Callable<Integer> {
  /** Output formats. */
  enum Format {
    text,
    json,
    sarif
  }

  @ParentCommand ClusterKitCommand parent;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SPEC", description = "The cluster spec (YAML).")
  Path specFile;

  @Option(names = "--node", paramLabel = "NAME",
      description = "The spec's node this machine is (default: the node named like this machine's host name).")
  String node;

  @Option(names = "--expect", paramLabel = "ROLE",
      description = "active or standby: whether the sites' addresses should be up here.")
  Role expect;

  @Option(names = "--peer-passwd", paramLabel = "FILE",
      description = "The other node's users ('getent passwd' there), to compare job user IDs.")
  Path peerPasswd;

  @Option(names = "--job-user", paramLabel = "NAME",
      description = "A job user to compare (repeatable); default: every user with UID 1000 or more on either node.")
  List<String> jobUsers = new ArrayList<>();

  @Option(names = "--site", paramLabel = "NAME", description = "Check only this site (repeatable); default: every site.")
  List<String> sites = new ArrayList<>();

  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
      description = "text, json or sarif (default: ${DEFAULT-VALUE}).")
  Format format;

  @Override
  public Integer call() throws Exception {
    ClusterKit kit = parent.kit();
    ClusterSpec cluster = kit.loadSpec(specFile);
    RuntimeSettings settings;
    try {
      settings = RuntimeSettings.fromEnvironment();
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage());
    }
    List<ClusterAdapter> targets = new ArrayList<>();
    for (String id : cluster.targetIds()) {
      targets.add(kit.registry().find(id).orElseThrow());
    }
    DoctorContext context = DoctorContext.of(cluster, targets, settings, Machine.local(settings))
        .withSites(selectSites(cluster))
        .withNode(selectNode(cluster, settings.hostName()))
        .withExpect(Optional.ofNullable(expect))
        .withPeer(peer())
        .withJobUsers(jobUsers);
    Doctor doctor = Doctor.standard();
    DoctorReport report = doctor.run(context);
    spec.commandLine().getOut().print(output().write(report, doctor.rules()));
    return report.failed() ? ExitCodes.FINDINGS : ExitCodes.OK;
  }

  private DoctorOutput output() {
    return switch (format) {
      case text -> new DoctorOutput.Text();
      case json -> new DoctorOutput.Json();
      case sarif -> new DoctorSarif();
    };
  }

  private List<SiteSpec> selectSites(ClusterSpec cluster) throws CliException {
    if (sites.isEmpty()) {
      return cluster.sites();
    }
    List<SiteSpec> chosen = new ArrayList<>();
    for (String name : sites) {
      chosen.add(cluster.sites().stream().filter(s -> s.site().name().value().equalsIgnoreCase(name)).findFirst()
          .orElseThrow(() -> new CliException("--site " + name + " is not a site of " + specFile + " (it has "
              + String.join(", ", cluster.sites().stream().map(s -> s.site().name().value()).toList()) + ")")));
    }
    return chosen;
  }

  /** The node {@code --node} names, or else the one whose full or short name is this machine's host name. */
  private Optional<NodeSpec> selectNode(ClusterSpec cluster, String hostName) throws CliException {
    if (node != null) {
      return Optional.of(cluster.nodes().stream().filter(n -> n.name().equalsIgnoreCase(node)).findFirst()
          .orElseThrow(() -> new CliException("--node " + node + " is not a node of " + specFile + " (it has "
              + String.join(", ", cluster.nodes().stream().map(NodeSpec::name).toList()) + ")")));
    }
    String host = hostName.toLowerCase(Locale.ROOT);
    return cluster.nodes().stream()
        .filter(n -> n.name().toLowerCase(Locale.ROOT).equals(host) || shortName(n.name()).equals(shortName(host)))
        .findFirst();
  }

  private static String shortName(String name) {
    int dot = name.indexOf('.');
    return (dot < 0 ? name : name.substring(0, dot)).toLowerCase(Locale.ROOT);
  }

  private Optional<DoctorContext.PeerUsers> peer() throws Exception {
    if (peerPasswd == null) {
      return Optional.empty();
    }
    String text = Files.readString(peerPasswd);
    try {
      return Optional.of(new DoctorContext.PeerUsers(peerPasswd.toString(), PasswdEntry.parse(text, peerPasswd.toString())));
    } catch (IllegalArgumentException e) {
      throw new CliException("--peer-passwd: " + e.getMessage());
    }
  }
}
