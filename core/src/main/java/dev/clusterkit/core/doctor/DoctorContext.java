package dev.clusterkit.core.doctor;

import dev.clusterkit.core.runtime.RuntimeSettings;
import dev.clusterkit.core.spec.ClusterSpec;
import dev.clusterkit.core.spec.NodeSpec;
import dev.clusterkit.core.spec.SiteSpec;
import dev.clusterkit.core.spi.ClusterAdapter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the checks run against: the spec and the sites to check, what the user told about this
 * node, and the machine.
 *
 * @param node the spec's node this machine is, when known
 * @param expect the role the node should have for the sites, when given
 * @param peer the other node's users, when given
 * @param jobUsers the job users to compare; empty means every user with a UID from {@link
 *     JobUsersCheck#FIRST_REGULAR_UID} on either node
 * @param nqsPort the NQS port (607 unless {@code CLUSTERKIT_NQS_PORT} says otherwise)
 * @param commonDaemonConf the node-wide daemon.conf when not the install's {@code rc/daemon.conf}
 * @param targets the adapters of the spec's targets
 */
public record DoctorContext(
    ClusterSpec spec,
    List<SiteSpec> sites,
    Optional<NodeSpec> node,
    Optional<Role> expect,
    Optional<PeerUsers> peer,
    List<String> jobUsers,
    int nqsPort,
    Optional<String> commonDaemonConf,
    List<ClusterAdapter> targets,
    Machine machine) {

  public DoctorContext {
    Objects.requireNonNull(spec, "spec");
    sites = List.copyOf(sites);
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(expect, "expect");
    Objects.requireNonNull(peer, "peer");
    jobUsers = List.copyOf(jobUsers);
    Objects.requireNonNull(commonDaemonConf, "commonDaemonConf");
    targets = List.copyOf(targets);
    Objects.requireNonNull(machine, "machine");
    if (sites.isEmpty()) {
      throw new IllegalArgumentException("no site to check");
    }
    if (nqsPort < 1 || nqsPort > 65535) {
      throw new IllegalArgumentException("NQS port " + nqsPort + " is not a TCP port (1-65535)");
    }
  }

  /** The other node's user list and where it came from. */
  public record PeerUsers(String source, List<PasswdEntry> users) {
    public PeerUsers {
      Objects.requireNonNull(source, "source");
      users = List.copyOf(users);
    }
  }

  /** The defaults for a spec: every site, the NQS port and daemon.conf the runtime settings give. */
  public static DoctorContext of(ClusterSpec spec, List<ClusterAdapter> targets, RuntimeSettings settings, Machine machine) {
    return new DoctorContext(
        spec, spec.sites(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(), settings.port(),
        settings.commonDaemonConf().map(Object::toString), targets, machine);
  }

  public DoctorContext withSites(List<SiteSpec> s) {
    return new DoctorContext(spec, s, node, expect, peer, jobUsers, nqsPort, commonDaemonConf, targets, machine);
  }

  public DoctorContext withNode(Optional<NodeSpec> n) {
    return new DoctorContext(spec, sites, n, expect, peer, jobUsers, nqsPort, commonDaemonConf, targets, machine);
  }

  public DoctorContext withExpect(Optional<Role> e) {
    return new DoctorContext(spec, sites, node, e, peer, jobUsers, nqsPort, commonDaemonConf, targets, machine);
  }

  public DoctorContext withPeer(Optional<PeerUsers> p) {
    return new DoctorContext(spec, sites, node, expect, p, jobUsers, nqsPort, commonDaemonConf, targets, machine);
  }

  public DoctorContext withJobUsers(List<String> u) {
    return new DoctorContext(spec, sites, node, expect, peer, u, nqsPort, commonDaemonConf, targets, machine);
  }

  public DoctorContext withMachine(Machine m) {
    return new DoctorContext(spec, sites, node, expect, peer, jobUsers, nqsPort, commonDaemonConf, targets, m);
  }

  /** {@code site NAME}, how results name a site. */
  public static String subject(SiteSpec site) {
    return "site " + site.site().name();
  }
}
