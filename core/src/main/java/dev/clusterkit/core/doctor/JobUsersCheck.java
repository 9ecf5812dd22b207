package dev.clusterkit.core.doctor;

import dev.clusterkit.core.lint.Rule;
import dev.clusterkit.core.lint.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The job users have the same numeric user IDs here and on the other node. Which users: those
 * named with {@code --job-user}, or else every user with a UID of {@link #FIRST_REGULAR_UID} or
 * more on either node (the regular users of Linux distributions), {@code nobody} left out.
 */
final class JobUsersCheck implements Check {
  static final Rule RULE =
      new Rule("DOC007", Severity.ERROR,
          "job users have different user IDs on the two nodes",
          "give every job user the same UID on both nodes (usermod -u UID NAME) before building the cluster (guide 2.2.1)")
          .documented("JobCenter runs and maps jobs by user ID, not name: after a failover, jobs of a user whose"
              + " ID differs run as someone else or not at all", "guide 2.2.1");

  /** The first UID Debian, Red Hat and SUSE give regular users. */
  static final long FIRST_REGULAR_UID = 1000;

  /** nobody / nfsnobody, and the 32-bit "no user" value. */
  private static final List<Long> NOBODY = List.of(65534L, 4294967294L, 4294967295L);

  static final String SUBJECT = "job users";

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public List<CheckResult> run(DoctorContext context) {
    return List.of(SiteCheck.guarded(this, SUBJECT, () -> check(context)));
  }

  private CheckResult check(DoctorContext context) throws java.io.IOException, NotSupportedException {
    UserDatabase database = context.machine().users();
    Map<String, Long> here = byName(database.users());
    if (context.peer().isEmpty()) {
      return CheckResult.notApplicable(RULE, SUBJECT,
          "no user list of the other node: give --peer-passwd FILE (the output of 'getent passwd' there)", List.of());
    }
    DoctorContext.PeerUsers peer = context.peer().get();
    Map<String, Long> there = byName(peer.users());
    List<String> users = selection(context.jobUsers(), here, there);
    String selectedBy = context.jobUsers().isEmpty()
        ? "users with UID " + FIRST_REGULAR_UID + " or more on either node"
        : "the users named with --job-user";
    List<String> evidence = new ArrayList<>();
    evidence.add("this node: " + database.describe() + "; other node: " + peer.source() + "; compared: " + selectedBy);
    if (users.isEmpty()) {
      return CheckResult.notApplicable(RULE, SUBJECT,
          "no job user to compare: neither node has a user with UID " + FIRST_REGULAR_UID + " or more; name them with --job-user",
          evidence);
    }
    int differ = 0;
    for (String user : users) {
      Optional<Long> a = Optional.ofNullable(here.get(user));
      Optional<Long> b = Optional.ofNullable(there.get(user));
      boolean same = a.isPresent() && a.equals(b);
      differ += same ? 0 : 1;
      evidence.add(user + ": " + (same ? "UID " + a.get() + " on both nodes"
          : a.map(u -> "UID " + u).orElse("missing") + " here, " + b.map(u -> "UID " + u).orElse("missing") + " on the other node"));
    }
    if (differ > 0) {
      return CheckResult.failed(RULE, SUBJECT,
          differ + " of " + users.size() + " job users differ between this node and the other one", evidence);
    }
    return CheckResult.passed(RULE, SUBJECT, users.size() + " job users have the same UID on both nodes", evidence);
  }

  private static List<String> selection(List<String> named, Map<String, Long> here, Map<String, Long> there) {
    if (!named.isEmpty()) {
      return List.copyOf(new TreeSet<>(named));
    }
    TreeSet<String> users = new TreeSet<>();
    for (Map<String, Long> side : List.of(here, there)) {
      side.forEach((name, uid) -> {
        if (uid >= FIRST_REGULAR_UID && !NOBODY.contains(uid)) {
          users.add(name);
        }
      });
    }
    return List.copyOf(users);
  }

  private static Map<String, Long> byName(List<PasswdEntry> entries) {
    Map<String, Long> m = new LinkedHashMap<>();
    for (PasswdEntry e : entries) {
      m.putIfAbsent(e.name(), e.uid());
    }
    return m;
  }
}
