package dev.clusterkit.core.doctor;

import dev.clusterkit.core.lint.Rule;
import java.util.ArrayList;
import java.util.List;

/**
 * Pre-flight checks of a cluster node against what the guide says must hold before and after a
 * cluster site is built (2.2, 2.3.5, 2.6.3, 4.1.2.1). Read-only: nothing on the node is changed.
 */
public final class Doctor {
  private final List<Check> checks;

  public Doctor(List<Check> checks) {
    this.checks = List.copyOf(checks);
  }

  /** Every check, in report order. */
  public static Doctor standard() {
    return new Doctor(List.of(
        new SiteNameCheck(),
        new AddressCheck(),
        new DatabaseFolderCheck(),
        new DatabaseMountCheck(),
        new DatabaseWritableCheck(),
        new DatabasePermissionsCheck(),
        new JobUsersCheck(),
        new PortsCheck(),
        new StackLimitCheck(),
        new LocalDaemonCheck(),
        new MachineIdCheck(),
        new CommandsCheck(),
        new ShimLaunchCheck(),
        new ShimArchiveCheck()));
  }

  /** The registry entries of the checks ({@code DOC} codes), in report order. */
  public List<Rule> rules() {
    return checks.stream().map(Check::rule).toList();
  }

  public DoctorReport run(DoctorContext context) {
    List<CheckResult> results = new ArrayList<>();
    for (Check check : checks) {
      List<CheckResult> found = check.run(context);
      if (found.isEmpty()) {
        throw new IllegalStateException(check.rule().code() + " reported nothing; every check reports at least one result");
      }
      results.addAll(found);
    }
    return new DoctorReport(context.spec().source(), results);
  }
}
