package dev.clusterkit.core.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterkit.core.lint.Severity;
import dev.clusterkit.core.site.MachineId;
import dev.clusterkit.core.spec.ClusterSpec;
import dev.clusterkit.core.spec.SpecLoader;
import dev.clusterkit.core.spi.AdapterRegistry;
import dev.clusterkit.core.spi.ClusterAdapter;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Each check against a fake node: what passes, what fails (with evidence and fix), what does not apply. */
class ChecksTest {
  static final String SITE = "site1.example.test";
  static final String ADDRESS = "10.0.0.5";
  static final String DB = "/mnt/jobdb";
  static final String SPEC =
      """
      apiVersion: clusterkit/v1
      kind: Cluster
      name: demo
      platform: linux
      nodes:
        - name: node1.example.test
          localMachineId: 101
        - name: node2.example.test
      sites:
        - name: site1.example.test
          machineId: 200
          database: /mnt/jobdb
          address: 10.0.0.5
      targets:
        test-product: {}
      """;

  final FakeMachine node = new FakeMachine();

  static ClusterSpec spec(String text, ClusterAdapter target) throws Exception {
    return new SpecLoader(AdapterRegistry.of(List.of(target))).parse("spec.yaml", text);
  }

  DoctorContext context(ClusterAdapter target) throws Exception {
    ClusterSpec spec = spec(SPEC, target);
    return new DoctorContext(spec, spec.sites(), Optional.of(spec.nodes().get(0)), Optional.empty(), Optional.empty(),
        List.of(), 607, Optional.empty(), List.of(target), node.machine());
  }

  DoctorContext context() throws Exception {
    return context(TestTarget.plain());
  }

  static CheckResult only(Check check, DoctorContext context) {
    List<CheckResult> results = check.run(context);
    assertEquals(1, results.size(), results.toString());
    CheckResult r = results.get(0);
    assertEquals(check.rule().code(), r.code());
    return r;
  }

  static void assertStatus(CheckStatus expected, CheckResult r) {
    assertEquals(expected, r.status(), () -> r.message() + "\n" + String.join("\n", r.evidence()));
  }

  // DOC001

  @Test
  void siteNamePassesWhenForwardAndReverseAgree() throws Exception {
    node.host(ADDRESS, SITE, "site1");
    CheckResult r = only(new SiteNameCheck(), context());
    assertStatus(CheckStatus.PASSED, r);
    assertEquals(List.of("lookups through the fake resolver", "forward: " + SITE + " -> " + ADDRESS,
        "reverse: " + ADDRESS + " -> " + SITE), r.evidence());
  }

  @Test
  void siteNameThatIsAnAliasFails() throws Exception {
    node.host(ADDRESS, "canonical.example.test", SITE);
    CheckResult r = only(new SiteNameCheck(), context());
    assertStatus(CheckStatus.FAILED, r);
    assertEquals(SITE + " is an alias: " + ADDRESS + " resolves back to canonical.example.test", r.message());
    assertTrue(r.fix().contains("cjcmksite refuses aliases"), r.fix());
  }

  @Test
  void siteNameResolvingElsewhereOrNowhereFails() throws Exception {
    CheckResult none = only(new SiteNameCheck(), context());
    assertStatus(CheckStatus.FAILED, none);
    assertEquals(SITE + " does not resolve", none.message());

    node.host("10.0.0.9", SITE);
    CheckResult elsewhere = only(new SiteNameCheck(), context());
    assertEquals(SITE + " resolves to 10.0.0.9, not to the relocatable address " + ADDRESS, elsewhere.message());
  }

  @Test
  void reverseLookupToTheShortNameFails() throws Exception {
    node.host(ADDRESS, "site1", SITE);
    CheckResult r = only(new SiteNameCheck(), context());
    assertStatus(CheckStatus.FAILED, r);
    assertEquals(ADDRESS + " resolves back to the short name site1, not to " + SITE, r.message());
  }

  // DOC002

  @Test
  void addressStateIsJudgedOnlyAgainstTheExpectedRole() throws Exception {
    node.up.add(ADDRESS);
    assertStatus(CheckStatus.NOT_APPLICABLE, only(new AddressCheck(), context()));
    assertStatus(CheckStatus.PASSED, only(new AddressCheck(), context().withExpect(Optional.of(Role.ACTIVE))));
    CheckResult standby = only(new AddressCheck(), context().withExpect(Optional.of(Role.STANDBY)));
    assertStatus(CheckStatus.FAILED, standby);
    assertEquals(ADDRESS + " is up on this node, but the node is expected to be standby", standby.message());
    node.up.clear();
    assertStatus(CheckStatus.FAILED, only(new AddressCheck(), context().withExpect(Optional.of(Role.ACTIVE))));
    assertStatus(CheckStatus.PASSED, only(new AddressCheck(), context().withExpect(Optional.of(Role.STANDBY))));
  }

  // DOC003-DOC006

  @Test
  void databaseFolderMissingFailsOnTheActiveNodeOnly() throws Exception {
    CheckResult active = only(new DatabaseFolderCheck(), context());
    assertStatus(CheckStatus.FAILED, active);
    assertEquals(DB + " does not exist", active.message());
    assertStatus(CheckStatus.NOT_APPLICABLE, only(new DatabaseFolderCheck(), context().withExpect(Optional.of(Role.STANDBY))));
    node.file(DB, false);
    assertEquals(DB + " is not a folder", only(new DatabaseFolderCheck(), context()).message());
    node.folder(DB, 0755);
    assertStatus(CheckStatus.PASSED, only(new DatabaseFolderCheck(), context()));
  }

  @Test
  void databaseOnTheRootFileSystemFails() throws Exception {
    node.folder(DB, 0755);
    CheckResult r = only(new DatabaseMountCheck(), context());
    assertStatus(CheckStatus.FAILED, r);
    assertEquals(List.of(DB + " is on / (ext4 from /dev/vda, rw)"), r.evidence());
  }

  @Test
  void databaseOnAMountPassesAndNamesIt() throws Exception {
    node.folder(DB, 0755);
    node.mountinfo += "40 27 8:17 / /mnt rw,relatime - xfs /dev/sdb1 rw\n";
    CheckResult r = only(new DatabaseMountCheck(), context());
    assertStatus(CheckStatus.PASSED, r);
    assertTrue(r.message().contains("the spec names no mount"), r.message());
    assertEquals(List.of(DB + " is on /mnt (xfs from /dev/sdb1, rw)"), r.evidence());
  }

  @Test
  void databaseOnAnotherMountThanTheTargetNamesFails() throws Exception {
    node.folder(DB, 0755);
    node.mountinfo += "40 27 8:17 / /mnt rw,relatime - xfs /dev/sdb1 rw\n";
    TestTarget named = new TestTarget(Optional.empty(), Optional.empty(), Optional.of(DB), List.of());
    CheckResult r = only(new DatabaseMountCheck(), context(named));
    assertStatus(CheckStatus.FAILED, r);
    assertEquals(DB + " is on the mount /mnt, not on " + DB + " that test-product mounts", r.message());

    node.mountinfo += "41 40 8:33 / /mnt/jobdb rw - ext4 /dev/sdc1 rw\n";
    assertStatus(CheckStatus.PASSED, only(new DatabaseMountCheck(), context(named)));
  }

  @Test
  void readOnlyMountOrUnwritableFolderFails() throws Exception {
    node.folder(DB, 0755);
    node.mountinfo += "40 27 8:17 / /mnt/jobdb ro,relatime - xfs /dev/sdb1 ro\n";
    CheckResult ro = only(new DatabaseWritableCheck(), context());
    assertStatus(CheckStatus.FAILED, ro);
    assertEquals(DB + " is on a read-only mount", ro.message());

    node.mountinfo = node.mountinfo.replace("ro,relatime - xfs /dev/sdb1 ro", "rw - xfs /dev/sdb1 rw");
    node.files.put(DB, new FileSystemView.FileInfo(DB, true, false, true, java.util.OptionalInt.of(0755)));
    assertEquals(DB + " is not writable by this user", only(new DatabaseWritableCheck(), context()).message());
    node.folder(DB, 0755);
    assertStatus(CheckStatus.PASSED, only(new DatabaseWritableCheck(), context()));
  }

  @Test
  void umaskThatMasks755Fails() throws Exception {
    node.umask = 027;
    CheckResult r = only(new DatabasePermissionsCheck(), context());
    assertStatus(CheckStatus.FAILED, r);
    assertEquals("umask 0027 masks bits of the 755 the site database needs", r.message());
    node.umask = 022;
    assertStatus(CheckStatus.PASSED, only(new DatabasePermissionsCheck(), context()));
  }

  @Test
  void existingDatabaseFolderWithoutMode755Fails() throws Exception {
    node.folder(DB, 0755);
    node.folder(DB + "/nqs", 0700);
    CheckResult r = only(new DatabasePermissionsCheck(), context());
    assertStatus(CheckStatus.FAILED, r);
    assertEquals("chmod 755 /mnt/jobdb/nqs (guide 2.6.3)", r.fix());
  }

  @Test
  void umaskThatCannotBeReadIsNotSupported() throws Exception {
    node.nativeCalls = false;
    CheckResult r = only(new DatabasePermissionsCheck(), context());
    assertStatus(CheckStatus.NOT_APPLICABLE, r);
    assertEquals("not supported on this machine: no libc", r.message());
  }

  // DOC007

  @Test
  void jobUsersAreComparedUserByUser() throws Exception {
    node.passwd = "root:x:0:0::/root:/bin/sh\nalice:x:1000:1000::/home/alice:/bin/sh\nbob:x:1001:1001::/:/bin/sh\n"
        + "nobody:x:65534:65534::/:/usr/sbin/nologin\n";
    String peer = "root:x:0:0::/root:/bin/sh\nalice:x:1000:1000::/home/alice:/bin/sh\nbob:x:1002:1001::/:/bin/sh\n"
        + "carol:x:1003:1003::/:/bin/sh\n";
    DoctorContext c = context().withPeer(Optional.of(new DoctorContext.PeerUsers("node2.passwd", PasswdEntry.parse(peer, "node2.passwd"))));
    CheckResult r = only(new JobUsersCheck(), c);
    assertStatus(CheckStatus.FAILED, r);
    assertEquals("2 of 3 job users differ between this node and the other one", r.message());
    assertEquals(List.of(
        "this node: the fake passwd; other node: node2.passwd; compared: users with UID 1000 or more on either node",
        "alice: UID 1000 on both nodes",
        "bob: UID 1001 here, UID 1002 on the other node",
        "carol: missing here, UID 1003 on the other node"), r.evidence());

    CheckResult named = only(new JobUsersCheck(), c.withJobUsers(List.of("root", "alice")));
    assertStatus(CheckStatus.PASSED, named);
    assertEquals("2 job users have the same UID on both nodes", named.message());
  }

  @Test
  void jobUsersNeedThePeersList() throws Exception {
    assertStatus(CheckStatus.NOT_APPLICABLE, only(new JobUsersCheck(), context()));
  }

  // DOC008

  @Test
  void portsFreeOrHeldByJobCenterPass() throws Exception {
    node.up.add(ADDRESS);
    assertEquals(List.of(ADDRESS + ":607 is free"), only(new PortsCheck(), context()).evidence());
    node.listen(ADDRESS, 607, 42, "/usr/lib/nqs/nqsportkpr " + ADDRESS);
    CheckResult keeper = only(new PortsCheck(), context());
    assertStatus(CheckStatus.PASSED, keeper);
    assertEquals(List.of(ADDRESS + ":607 held by PID 42 (/usr/lib/nqs/nqsportkpr " + ADDRESS + ") (nqsportkpr)"), keeper.evidence());
    node.listeners.clear();
    node.listen(ADDRESS, 607, 43, "NQS nqsdaemon");
    assertStatus(CheckStatus.PASSED, only(new PortsCheck(), context()));
  }

  @Test
  void portHeldByAnotherProgramOrOnEveryAddressFails() throws Exception {
    node.up.add(ADDRESS);
    node.listen("10.0.0.7", 607, 40, "elsewhere");
    node.listen("0.0.0.0", 611, 41, "NQS nqsdaemon");
    TestTarget extra = new TestTarget(Optional.empty(), Optional.empty(), Optional.empty(), List.of(611));
    CheckResult r = only(new PortsCheck(), context(extra));
    assertStatus(CheckStatus.FAILED, r);
    assertEquals(ADDRESS + ":611 held by another program", r.message());
    assertEquals(List.of(ADDRESS + ":607 is free", "0.0.0.0:611 held by PID 41 (NQS nqsdaemon) (a JobCenter daemon)"), r.evidence());

    node.listeners.clear();
    node.listen(ADDRESS, 607, 44, "python3 -m http.server 607");
    assertStatus(CheckStatus.FAILED, only(new PortsCheck(), context()));
  }

  @Test
  void portsOfAnAddressThatIsNotHereDoNotApply() throws Exception {
    assertStatus(CheckStatus.NOT_APPLICABLE, only(new PortsCheck(), context()));
    node.up.add(ADDRESS);
    node.procNet = false;
    assertEquals("not supported on this machine: no /proc/net/tcp", only(new PortsCheck(), context()).message());
  }

  // DOC009

  @Test
  void stackGivenByTheProductMustBeRaisedByTheScript() throws Exception {
    TestTarget twoMb = new TestTarget(Optional.of(2048L), Optional.empty(), Optional.empty(), List.of());
    CheckResult low = only(new StackLimitCheck(), context(twoMb));
    assertStatus(CheckStatus.FAILED, low);
    assertEquals("JobCenter gets 2048 KB of stack, less than the 8192 KB it needs", low.message());

    TestTarget raised = new TestTarget(Optional.of(2048L), Optional.of(ClusterAdapter.UNLIMITED_STACK), Optional.empty(), List.of());
    CheckResult ok = only(new StackLimitCheck(), context(raised));
    assertStatus(CheckStatus.PASSED, ok);
    assertEquals(List.of("Test Product starts the site's scripts with a stack limit of 2048 KB",
        "the rendered start script sets 'ulimit -s unlimited' before cjcpw"), ok.evidence());
  }

  @Test
  void stackInheritedFromTheNodeIsThisProcesssLimit() throws Exception {
    node.stackKb = OptionalLong.of(4096);
    assertStatus(CheckStatus.FAILED, only(new StackLimitCheck(), context()));
    node.stackKb = OptionalLong.empty();
    CheckResult unlimited = only(new StackLimitCheck(), context());
    assertStatus(CheckStatus.PASSED, unlimited);
    assertEquals("JobCenter gets an unlimited stack", unlimited.message());
    node.nativeCalls = false;
    assertStatus(CheckStatus.NOT_APPLICABLE, only(new StackLimitCheck(), context()));
  }

  // DOC010

  @Test
  void localDaemonSettingAgainstTheLocalSite() throws Exception {
    String conf = "/usr/lib/nqs/rc/daemon.conf";
    assertStatus(CheckStatus.NOT_APPLICABLE, only(new LocalDaemonCheck(), context()));

    node.texts.put(conf, "local_daemon=OFF\n");
    CheckResult stopped = only(new LocalDaemonCheck(), context());
    assertStatus(CheckStatus.PASSED, stopped);
    assertEquals("local_daemon=OFF and the local site is stopped", stopped.message());

    node.listen("0.0.0.0", 607, 7, "NQS nqsdaemon");
    CheckResult runs = only(new LocalDaemonCheck(), context());
    assertStatus(CheckStatus.FAILED, runs);
    assertEquals("the local site runs, but local_daemon=OFF", runs.message());
    assertTrue(runs.evidence().contains("local site: 0.0.0.0:607 held by PID 7 (NQS nqsdaemon)"), runs.evidence().toString());

    node.texts.put(conf, "# both\nlocal_daemon=SITE\n");
    assertStatus(CheckStatus.PASSED, only(new LocalDaemonCheck(), context()));

    node.texts.put(conf, "maintenance=OFF\n");
    node.listeners.clear();
    assertEquals("local_daemon is not set: the local site will not run beside the cluster sites",
        only(new LocalDaemonCheck(), context()).message());
  }

  // DOC011

  @Test
  void machineIdsOfLocalSiteClusterSiteAndDatabase() throws Exception {
    CheckResult ok = only(new MachineIdCheck(db -> Optional.empty()), context());
    assertStatus(CheckStatus.PASSED, ok);
    assertTrue(ok.evidence().contains("node node1.example.test: local site machine ID 101"), ok.evidence().toString());

    CheckResult wrongDb = only(new MachineIdCheck(db -> Optional.of(new MachineId(101))), context());
    assertStatus(CheckStatus.FAILED, wrongDb);
    assertEquals("the site database was made with machine ID 101, the spec gives 200", wrongDb.message());

    DoctorContext unknownNode = context().withNode(Optional.empty());
    assertStatus(CheckStatus.NOT_APPLICABLE, only(new MachineIdCheck(db -> Optional.empty()), unknownNode));
    assertStatus(CheckStatus.PASSED, only(new MachineIdCheck(db -> Optional.of(new MachineId(200))), unknownNode));
  }

  // DOC012

  @Test
  void jobCenterCommandsMustAllBeExecutable() throws Exception {
    CheckResult none = only(new CommandsCheck(), context());
    assertStatus(CheckStatus.NOT_APPLICABLE, none);
    for (String c : List.of("cluster/cjcpw", "cluster/cjcmksite", "cluster/cjcls", "nqsstart", "nqsstop", "nqsportkpr")) {
      node.file("/usr/lib/nqs/" + c, true);
    }
    assertStatus(CheckStatus.PASSED, only(new CommandsCheck(), context()));
    node.file("/usr/lib/nqs/nqsportkpr", false);
    node.files.remove("/usr/lib/nqs/cluster/cjcls");
    CheckResult bad = only(new CommandsCheck(), context());
    assertStatus(CheckStatus.FAILED, bad);
    assertEquals("cjcls, nqsportkpr missing or not executable under /usr/lib/nqs", bad.message());
    assertTrue(bad.evidence().contains("/usr/lib/nqs/cluster/cjcls: missing"), bad.evidence().toString());
  }

  // DOC013, DOC014

  private static final String CJCPW = "/usr/lib/nqs/cluster/cjcpw";

  private void shim(String java, String classPath, String archiveOption) {
    node.texts.put(CJCPW, "#!/bin/sh\n# cjcpw of the clusterkit embedded JobCenter runtime (generated; do not edit)\n"
        + "exec '" + java + "' '-Xshare:auto' " + archiveOption + "-cp '" + classPath
        + "' dev.clusterkit.core.runtime.JobCenterCommands cjcpw \"$@\"\n");
  }

  @Test
  void theShimsJavaAndJarsMustBeThere() throws Exception {
    assertEquals("no cjcpw under /usr/lib/nqs", only(new ShimLaunchCheck(), context()).message());
    node.texts.put(CJCPW, "#!/bin/sh\n# JobCenter cjcpw\n");
    CheckResult jobCenter = only(new ShimLaunchCheck(), context());
    assertStatus(CheckStatus.NOT_APPLICABLE, jobCenter);
    assertEquals(CJCPW + " is not a shim of the embedded runtime (an installed JobCenter's command)", jobCenter.message());

    shim("/opt/jdk/bin/java", "/build/clusterkit.jar:/lib/extra.jar", "");
    node.file("/opt/jdk/bin/java", true);
    node.file("/lib/extra.jar", false);
    CheckResult cleaned = only(new ShimLaunchCheck(), context());
    assertStatus(CheckStatus.FAILED, cleaned);
    assertEquals("the shims under /usr/lib/nqs cannot start: /build/clusterkit.jar is not there", cleaned.message());
    assertTrue(cleaned.evidence().contains("class path /build/clusterkit.jar: missing"), cleaned.evidence().toString());
    assertTrue(cleaned.fix().contains("clusterkit site install-shims --prefix /usr/lib/nqs "), cleaned.fix());

    node.file("/build/clusterkit.jar", false);
    assertStatus(CheckStatus.PASSED, only(new ShimLaunchCheck(), context()));
    node.file("/opt/jdk/bin/java", false);
    assertEquals("the shims under /usr/lib/nqs cannot start: java /opt/jdk/bin/java is not there",
        only(new ShimLaunchCheck(), context()).message());
  }

  @Test
  void theShimsClassArchiveMustFitTheirJavaAndJars() throws Exception {
    node.file("/opt/jdk/bin/java", true);
    node.file("/build/clusterkit.jar", false);
    shim("/opt/jdk/bin/java", "/build/clusterkit.jar", "");
    CheckResult none = only(new ShimArchiveCheck(), context());
    assertStatus(CheckStatus.NOT_APPLICABLE, none);
    assertTrue(none.message().endsWith("start without a class archive (installed with --no-class-archive, or its training run failed)"));

    String archive = "/usr/lib/nqs/.clusterkit-shims.jsa";
    shim("/opt/jdk/bin/java", "/build/clusterkit.jar", "'-XX:SharedArchiveFile=" + archive + "' '-Xlog:cds=off' ");
    CheckResult missing = only(new ShimArchiveCheck(), context());
    assertStatus(CheckStatus.FAILED, missing);
    assertEquals("the shims' class archive " + archive + " is missing", missing.message());

    node.file(archive, false);
    CheckResult fits = only(new ShimArchiveCheck(), context());
    assertStatus(CheckStatus.PASSED, fits);

    node.archiveMisfits.put(archive, "A jar file is not the one used while building the shared archive file: /build/clusterkit.jar");
    CheckResult stale = only(new ShimArchiveCheck(), context());
    assertStatus(CheckStatus.FAILED, stale);
    assertEquals(Severity.WARNING, stale.rule().severity());
    assertTrue(stale.fix().endsWith("clusterkit site install-shims --prefix /usr/lib/nqs"), stale.fix());
    assertEquals("the shims under /usr/lib/nqs start without their class archive: it does not fit their java and jars", stale.message());
    assertTrue(stale.evidence().get(0).endsWith("A jar file is not the one used while building the shared archive file: /build/clusterkit.jar"),
        stale.evidence().toString());

    node.files.remove("/opt/jdk/bin/java");
    assertEquals("the shims' java /opt/jdk/bin/java is not there (DOC013)", only(new ShimArchiveCheck(), context()).message());
  }

  // The whole set

  @Test
  void everyCheckReportsWithADocumentedUniqueCode() throws Exception {
    Doctor doctor = Doctor.standard();
    List<String> codes = doctor.rules().stream().map(r -> r.code()).toList();
    assertEquals(List.of("DOC001", "DOC002", "DOC003", "DOC004", "DOC005", "DOC006", "DOC007", "DOC008", "DOC009",
        "DOC010", "DOC011", "DOC012", "DOC013", "DOC014"), codes);
    // Every check cites the guide, but the one about the runtime's own start-up archive.
    doctor.rules().forEach(r -> assertTrue(!r.why().isEmpty() && (r.source().startsWith("guide ") || r.code().equals("DOC014")), r.code()));
    DoctorReport report = doctor.run(context());
    assertEquals(codes, report.results().stream().map(CheckResult::code).distinct().toList());
  }

  @Test
  void windowsSitesGetNotApplicableForUnixChecks() throws Exception {
    String windows = SPEC.replace("platform: linux", "platform: windows").replace("database: /mnt/jobdb", "database: 'X:\\Jobdb'");
    ClusterSpec spec = spec(windows, TestTarget.plain());
    DoctorContext c = context().withSites(spec.sites());
    CheckResult r = only(new DatabaseFolderCheck(), c);
    assertStatus(CheckStatus.NOT_APPLICABLE, r);
    assertEquals("the site runs on windows; this check covers UNIX nodes", r.message());
    assertStatus(CheckStatus.NOT_APPLICABLE, only(new StackLimitCheck(), c));
  }
}
