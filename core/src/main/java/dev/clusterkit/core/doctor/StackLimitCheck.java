package dev.clusterkit.core.doctor;

import dev.clusterkit.core.lint.Rule;
import dev.clusterkit.core.lint.Severity;
import dev.clusterkit.core.site.Platform;
import dev.clusterkit.core.spi.ClusterAdapter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * JobCenter for Linux gets a stack of at least 8 MB under each target: from the product, or
 * because the rendered start script raises it. What the product gives is the adapter's to say;
 * when it says nothing, the product passes on the limit it runs with, for which this process's
 * limit stands in.
 */
final class StackLimitCheck implements Check {
  static final Rule RULE =
      new Rule("DOC009", Severity.ERROR,
          "JobCenter would start with a stack size limit below 8 MB",
          "raise the limit first thing in the start script: 'ulimit -s 8192' or more, or 'ulimit -s unlimited' (guide 4.1.2.1)")
          .documented("JobCenter for Linux needs 8 MB of stack; CLUSTERPRO X gives exec resources 2 MB, and the daemons"
              + " can overflow their stack", "guide 4.1.2.1");

  static final long NEEDED_KB = 8192;

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public List<CheckResult> run(DoctorContext context) {
    List<CheckResult> results = new ArrayList<>();
    boolean linuxSite = context.sites().stream().anyMatch(s -> s.site().platform() == Platform.LINUX);
    for (ClusterAdapter target : context.targets()) {
      String subject = "target " + target.id();
      if (!linuxSite || !target.platforms().contains(Platform.LINUX)) {
        results.add(CheckResult.notApplicable(RULE, subject,
            "the 8 MB stack is a need of JobCenter for Linux, and no site checked runs on Linux under " + target.id(),
            List.of()));
        continue;
      }
      results.add(SiteCheck.guarded(this, subject, () -> check(context, target, subject)));
    }
    if (results.isEmpty()) {
      results.add(CheckResult.notApplicable(RULE, "targets", "the spec names no target", List.of()));
    }
    return results;
  }

  private CheckResult check(DoctorContext context, ClusterAdapter target, String subject) throws NotSupportedException {
    List<String> evidence = new ArrayList<>();
    Optional<Long> given = target.stackLimitKb(context.spec());
    Optional<Long> raised = target.startScriptStackLimitKb(context.spec());
    given.ifPresent(kb -> evidence.add(target.displayName() + " starts the site's scripts with a stack limit of " + kb + " KB"));
    long effective;
    if (raised.isPresent()) {
      evidence.add("the rendered start script sets 'ulimit -s " + text(raised.get()) + "' before cjcpw");
      effective = raised.get();
    } else if (given.isPresent()) {
      evidence.add("the rendered start script leaves the limit as it is");
      effective = given.get();
    } else {
      OptionalLong own = context.machine().limits().stackLimitKb();
      long kb = own.isPresent() ? own.getAsLong() : ClusterAdapter.UNLIMITED_STACK;
      evidence.add(target.displayName() + " passes on the limit it runs with; this process's soft limit, standing in for it, is "
          + text(kb) + (kb == ClusterAdapter.UNLIMITED_STACK ? "" : " KB"));
      effective = kb;
    }
    String gets = "JobCenter gets " + (effective == ClusterAdapter.UNLIMITED_STACK ? "an unlimited stack" : effective + " KB of stack");
    if (effective < NEEDED_KB) {
      return CheckResult.failed(RULE, subject, gets + ", less than the 8192 KB it needs", evidence,
          raised.isEmpty() && given.isPresent()
              ? "render the start script with a stack setting of 8192 KB or more (it must raise the " + given.get() + " KB"
                  + " the product gives) (guide 4.1.2.1)"
              : RULE.hint());
    }
    return CheckResult.passed(RULE, subject, gets, evidence);
  }

  private static String text(long kb) {
    return kb == ClusterAdapter.UNLIMITED_STACK ? "unlimited" : Long.toString(kb);
  }
}
