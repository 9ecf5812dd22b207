package dev.clusterkit.core.doctor;

import dev.clusterkit.core.lint.Rule;
import dev.clusterkit.core.lint.Severity;
import dev.clusterkit.core.spec.SiteSpec;
import java.io.IOException;
import java.util.List;

/** The relocatable address is up on the active node and down on a standby one. */
final class AddressCheck implements SiteCheck {
  static final Rule RULE =
      new Rule("DOC002", Severity.ERROR,
          "the relocatable address is not in the state the node's role needs",
          "bring the relocatable address up on the active node only (the failover group's address resource)")
          .documented("cjcmksite and cjcpw need the address up on the node that runs the site; up on two nodes"
              + " at once, clients and the other JobCenter machines reach either", "guide 2.2.2, 2.3.5");

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public boolean unixOnly() {
    return false;
  }

  @Override
  public CheckResult check(DoctorContext context, SiteSpec spec) throws IOException, NotSupportedException {
    String address = spec.site().address().value();
    String subject = DoctorContext.subject(spec);
    Network.AddressState state = context.machine().network().probe(address);
    List<String> evidence = List.of(state.evidence());
    String seen = address + " is " + (state.up() ? "up" : "not up") + " on this node";
    if (context.expect().isEmpty()) {
      return CheckResult.notApplicable(RULE, subject, seen + "; give --expect active or --expect standby to check it", evidence);
    }
    Role role = context.expect().get();
    if (state.up() == (role == Role.ACTIVE)) {
      return CheckResult.passed(RULE, subject, seen + ", as the " + role.label() + " node needs", evidence);
    }
    return CheckResult.failed(RULE, subject, seen + ", but the node is expected to be " + role.label(), evidence,
        role == Role.ACTIVE
            ? "bring " + address + " up here (start the failover group, or its address resource) before cjcmksite and cjcpw (guide 2.2.2, 2.3.5)"
            : "take " + address + " down here: it must be up on the active node only; check which node runs the failover group");
  }
}
