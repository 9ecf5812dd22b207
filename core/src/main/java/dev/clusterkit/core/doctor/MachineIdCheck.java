package dev.clusterkit.core.doctor;

import dev.clusterkit.core.lint.Rule;
import dev.clusterkit.core.lint.Severity;
import dev.clusterkit.core.runtime.EmbeddedSiteControl;
import dev.clusterkit.core.site.MachineId;
import dev.clusterkit.core.site.SiteControlException;
import dev.clusterkit.core.spec.SiteSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The cluster site's machine ID differs from the local site's, and a site database that records
 * its ID (the embedded runtime's) was made with the spec's.
 */
final class MachineIdCheck implements SiteCheck {
  static final Rule RULE =
      new Rule("DOC011", Severity.ERROR,
          "the cluster site's machine ID clashes with the local site's or with its database",
          "give the cluster site a machine ID of its own, unique among all JobCenter machines (guide 2.3.3)")
          .documented("the local and the cluster site are different sites to JobCenter; with one ID, jobs and"
              + " user mappings go to the wrong one", "guide 2.1.1, 2.3.3");

  /** The machine ID a site database records, when it records one. */
  interface Records {
    Optional<MachineId> machineIdOf(String database) throws IOException, NotSupportedException;
  }

  private final Records records;

  MachineIdCheck() {
    this(database -> {
      try {
        return EmbeddedSiteControl.recordedMachineId(Path.of(database));
      } catch (SiteControlException e) {
        throw new IOException(e.getMessage(), e);
      }
    });
  }

  MachineIdCheck(Records records) {
    this.records = records;
  }

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public CheckResult check(DoctorContext context, SiteSpec spec) throws IOException, NotSupportedException {
    String subject = DoctorContext.subject(spec);
    MachineId cluster = spec.site().machineId();
    List<String> evidence = new ArrayList<>();
    evidence.add("the spec gives site " + spec.site().name() + " machine ID " + cluster);
    Optional<MachineId> local = context.node().flatMap(n -> n.localMachineId());
    context.node().ifPresentOrElse(
        n -> evidence.add("node " + n.name() + ": " + n.localMachineId().map(id -> "local site machine ID " + id)
            .orElse("the spec gives no localMachineId")),
        () -> evidence.add("this machine is none of the spec's nodes (give --node NAME)"));
    Optional<MachineId> recorded = records.machineIdOf(spec.site().database().value());
    recorded.ifPresent(id -> evidence.add("the site database records machine ID " + id));
    if (local.isPresent() && local.equals(Optional.of(cluster))) {
      return CheckResult.failed(RULE, subject, "the cluster site has the local site's machine ID " + cluster, evidence);
    }
    if (recorded.isPresent() && !recorded.get().equals(cluster)) {
      return CheckResult.failed(RULE, subject,
          "the site database was made with machine ID " + recorded.get() + ", the spec gives " + cluster, evidence,
          "recreate the site database with 'cjcmksite " + spec.site().name() + " " + cluster + " " + spec.site().database()
              + "' (guide 2.6.1), or correct machineId in the spec");
    }
    if (recorded.isPresent() && recorded.equals(local)) {
      return CheckResult.failed(RULE, subject, "the site database records the local site's machine ID " + recorded.get(), evidence);
    }
    if (local.isEmpty() && recorded.isEmpty()) {
      return CheckResult.notApplicable(RULE, subject,
          "nothing to compare with: the local site's machine ID is unknown (nodes[].localMachineId) and the database records none",
          evidence);
    }
    return CheckResult.passed(RULE, subject, "machine ID " + cluster + " is the cluster site's own", evidence);
  }
}
