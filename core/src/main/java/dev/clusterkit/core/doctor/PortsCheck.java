package dev.clusterkit.core.doctor;

import dev.clusterkit.core.lint.Rule;
import dev.clusterkit.core.lint.Severity;
import dev.clusterkit.core.site.Platform;
import dev.clusterkit.core.spec.SiteSpec;
import dev.clusterkit.core.spi.ClusterAdapter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * TCP 607 (and the other ports the spec's targets name) on the site address is free, or held by
 * {@code nqsportkpr} or a JobCenter daemon of the site.
 */
final class PortsCheck implements SiteCheck {
  static final Rule RULE =
      new Rule("DOC008", Severity.ERROR,
          "a port the site needs is held by another program",
          "stop the program that holds the port, or have nqsportkpr hold it before cjcpw starts (guide 4.1.3)")
          .documented("the site's daemons cannot bind their port and the site does not start; a listener on every"
              + " address (such as a local site without ipaddress=) takes the port from the site address too", "guide 2.3.6, 3.1.3, 4.1.3");

  /** How the embedded runtime's port keeper and placeholder daemon show in a command line. */
  private static final List<String> KEEPERS = List.of("nqsportkpr", "dev.clusterkit.core.runtime.PortHolder");
  private static final String EMBEDDED_DAEMON = "dev.clusterkit.core.runtime.PortDaemon";

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public CheckResult check(DoctorContext context, SiteSpec spec) throws IOException, NotSupportedException {
    String address = spec.site().address().value();
    String subject = DoctorContext.subject(spec);
    Network network = context.machine().network();
    Network.AddressState state = network.probe(address);
    if (!state.up()) {
      return CheckResult.notApplicable(RULE, subject,
          address + " is not up on this node, so nothing can hold its ports here", List.of(state.evidence()));
    }
    TreeSet<Integer> ports = new TreeSet<>();
    ports.add(context.nqsPort());
    for (ClusterAdapter target : context.targets()) {
      ports.addAll(target.tcpPorts(spec));
    }
    List<String> evidence = new ArrayList<>();
    List<String> blocked = new ArrayList<>();
    for (int port : ports) {
      List<Listener> holders = network.listeners(port).stream()
          .filter(l -> l.address().equals(address) || l.wildcard())
          .toList();
      if (holders.isEmpty()) {
        evidence.add(address + ":" + port + " is free");
      }
      for (Listener l : holders) {
        String role = role(l, spec.site().platform());
        evidence.add(l.describe() + role);
        if (l.wildcard() || role.isEmpty()) {
          blocked.add(address + ":" + port);
        }
      }
    }
    if (!blocked.isEmpty()) {
      return CheckResult.failed(RULE, subject, String.join(", ", blocked) + " held by another program", evidence,
          "stop what holds " + String.join(", ", blocked) + " (see the evidence); a JobCenter listener on every address"
              + " needs ipaddress= in its daemon.conf (guide 2.3.6); nqsportkpr can keep the port free (guide 4.1.3)");
    }
    return CheckResult.passed(RULE, subject, "ports " + ports + " on " + address + " are free or JobCenter's", evidence);
  }

  /** {@code " (nqsportkpr)"}, {@code " (a JobCenter daemon)"}, or empty for anything else. */
  private static String role(Listener l, Platform platform) {
    String command = l.command().orElse("");
    if (KEEPERS.stream().anyMatch(command::contains)) {
      return " (nqsportkpr)";
    }
    String lower = command.toLowerCase(Locale.ROOT);
    boolean daemon = command.contains(EMBEDDED_DAEMON)
        || platform.watchedDaemons().stream()
            .map(d -> d.processName().toLowerCase(Locale.ROOT).replaceFirst("^nqs ", ""))
            .anyMatch(lower::contains);
    return daemon ? " (a JobCenter daemon)" : "";
  }
}
