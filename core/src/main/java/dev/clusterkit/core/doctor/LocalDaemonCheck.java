package dev.clusterkit.core.doctor;

import dev.clusterkit.core.lint.Finding;
import dev.clusterkit.core.lint.Rule;
import dev.clusterkit.core.lint.Severity;
import dev.clusterkit.core.lint.SourceFile;
import dev.clusterkit.core.site.DaemonConf;
import dev.clusterkit.core.site.DaemonConfParser;
import dev.clusterkit.core.site.Parsed;
import dev.clusterkit.core.site.Platform;
import dev.clusterkit.core.spec.SiteSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The local site's state agrees with the node-wide daemon.conf: {@code local_daemon=SITE} lets it
 * run beside the cluster sites; with {@code OFF} or no setting it must not run. The local site is
 * seen running when something listens on the NQS port of an address no cluster site of the spec
 * has (the local site's nqsdaemon).
 */
final class LocalDaemonCheck implements Check {
  static final Rule RULE =
      new Rule("DOC010", Severity.WARNING,
          "the local site's state does not match daemon.conf's local_daemon",
          "set local_daemon=SITE in the common daemon.conf to run the local site beside the cluster sites, or stop it"
              + " (nqsstop) and set local_daemon=OFF (guide 2.3.6)")
          .documented("a local site running without local_daemon=SITE does not coexist with the cluster sites, and"
              + " it must be stopped while cjcmksite runs", "guide 2.3.4, 2.3.5, 2.3.6");

  static final String SUBJECT = "local site";

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public List<CheckResult> run(DoctorContext context) {
    return List.of(SiteCheck.guarded(this, SUBJECT, () -> check(context)));
  }

  private CheckResult check(DoctorContext context) throws IOException {
    Optional<SiteSpec> unix = context.sites().stream()
        .filter(s -> s.site().platform().family() == Platform.Family.POSIX).findFirst();
    if (unix.isEmpty()) {
      return CheckResult.notApplicable(RULE, SUBJECT, "local_daemon exists in UNIX JobCenter only", List.of());
    }
    String path = context.commonDaemonConf().orElse(unix.get().site().layout().commonDaemonConf());
    Optional<String> text = context.machine().files().read(path);
    if (text.isEmpty()) {
      return CheckResult.notApplicable(RULE, SUBJECT, path + " does not exist: JobCenter is not installed here", List.of());
    }
    Parsed<DaemonConf> parsed = DaemonConfParser.parse(new SourceFile(path, text.get()));
    List<String> evidence = new ArrayList<>();
    Optional<DaemonConf.LocalDaemon> setting = parsed.value().localDaemon();
    evidence.add(path + ": " + setting.map(l -> "local_daemon=" + l).orElse("no local_daemon line"));
    for (Finding f : parsed.findings()) {
      evidence.add(f.toString());
    }
    Optional<Boolean> running = localSiteRuns(context, evidence);
    if (setting.equals(Optional.of(DaemonConf.LocalDaemon.SITE))) {
      return CheckResult.passed(RULE, SUBJECT, "local_daemon=SITE: the local site may run beside the cluster sites", evidence);
    }
    String now = setting.map(l -> "local_daemon=" + l).orElse("local_daemon is not set");
    if (running.orElse(false)) {
      return CheckResult.failed(RULE, SUBJECT, "the local site runs, but " + now, evidence);
    }
    if (setting.isEmpty()) {
      return CheckResult.failed(RULE, SUBJECT, "local_daemon is not set: the local site will not run beside the cluster sites",
          evidence, "add local_daemon=SITE (or OFF) to " + path + " on every node (guide 2.3.6)");
    }
    return CheckResult.passed(RULE, SUBJECT,
        now + (running.isPresent() ? " and the local site is stopped" : ""), evidence);
  }

  /** Whether the local site runs, when this machine shows it. */
  private static Optional<Boolean> localSiteRuns(DoctorContext context, List<String> evidence) throws IOException {
    Set<String> siteAddresses = context.spec().sites().stream()
        .map(s -> s.site().address().value()).collect(Collectors.toSet());
    List<Listener> others;
    try {
      others = context.machine().network().listeners(context.nqsPort()).stream()
          .filter(l -> !siteAddresses.contains(l.address())).toList();
    } catch (NotSupportedException e) {
      evidence.add("whether the local site runs cannot be seen here: " + e.getMessage());
      return Optional.empty();
    }
    if (others.isEmpty()) {
      evidence.add("nothing listens on port " + context.nqsPort() + " outside the cluster sites' addresses: the local site is stopped");
      return Optional.of(false);
    }
    others.forEach(l -> evidence.add("local site: " + l.describe()));
    return Optional.of(true);
  }
}
