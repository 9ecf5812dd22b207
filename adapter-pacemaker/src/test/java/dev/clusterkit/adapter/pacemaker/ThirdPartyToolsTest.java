package dev.clusterkit.adapter.pacemaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterkit.core.lint.SourceFile;
import dev.clusterkit.core.render.Artifact;
import dev.clusterkit.core.runtime.ShimInstaller;
import dev.clusterkit.core.spec.ClusterSpec;
import dev.clusterkit.testkit.Shell;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks no one on the team wrote, with the real tools: resource-agents' ocf-tester runs the
 * generated agent against the embedded JobCenter runtime; its meta-data validates against the
 * resource-agents RELAX NG schema; the CIB passes crm_verify and crm_simulate; the pcs script runs
 * with {@code pcs -f} and the crm file loads with crmsh into a CIB file, each giving the same
 * resources as the CIB we render. pcs and crmsh read the agent's meta-data, so they run in a
 * private mount namespace where an overlay adds the agent to /usr/lib/ocf/resource.d (nothing is
 * installed on the machine).
 */
class ThirdPartyToolsTest {
  private static final String RESOURCE_AGENTS = "/usr/share/resource-agents";
  private static final String SITE = "testsite.example.com";
  private static final String ADDRESS = "127.0.0.2";

  @TempDir Path tmp;

  private Path dir() throws IOException {
    // ocf-tester runs meta-data as nobody: the agent's folders must be open to everyone.
    Path dir = tmp.toRealPath();
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    return dir;
  }

  @Test
  void ocfTesterPassesTheAgentRunningTheEmbeddedRuntime() throws Exception {
    Shell.requireTool("ocf-tester", "resource-agents");
    Shell.requireTool("xmllint", "libxml2-utils");
    Path dir = dir();
    Path prefix = dir.resolve("nqs");
    ShimInstaller.install(prefix);
    Path db = Files.createDirectories(dir.resolve("jobdb"));
    Map<String, String> env = runtime(dir);
    try {
      Shell.Result made = Shell.run(List.of(prefix.resolve("cluster/cjcmksite").toString(), SITE, "200", db.toString()), env, dir, 60);
      assertEquals(0, made.exitCode(), made.describe());
      ClusterSpec spec = Specs.oneSite(prefix, SITE, db, ADDRESS, 30, 30, "");
      Path agent = writeAgent(dir, Specs.artifact(Specs.render(spec), "/jobcenter-site").text());
      List<String> tester = List.of("ocf-tester", "-n", "jc", "-o", "site_name=" + SITE, "-o", "database=" + db,
          "-o", "state_dir=" + dir.resolve("state"), agent.toString());
      Shell.Result r = Shell.run(tester, env, dir, 300);
      assertEquals(0, r.exitCode(), r.describe());
      assertTrue(r.stdout().contains(agent + " passed all tests"), r.describe());
      String log = Files.readString(dir.resolve("state/jc.log"));
      assertEquals(2, log.split("all 1 daemons are ready", -1).length - 1, "ocf-tester started the site twice:\n" + log);
      assertTrue(log.contains("cjcpw -stop: testsite.example.com: stopped"), log);

      // The same tester fails an agent whose monitor always says running.
      String text = Files.readString(agent).replace("    jc_monitor\n    ;;\nvalidate-all)", "    exit 0\n    ;;\nvalidate-all)");
      assertNotEquals(Files.readString(agent), text, "the broken copy differs");
      Path broken = writeAgent(dir.resolve("broken"), text);
      Shell.Result bad = Shell.run(List.of("ocf-tester", "-n", "jc", "-o", "site_name=" + SITE, "-o", "database=" + db,
          "-o", "state_dir=" + dir.resolve("state"), broken.toString()), env, dir, 300);
      assertEquals(1, bad.exitCode(), bad.describe());
      assertTrue(bad.stdout().contains("Monitoring a stopped resource should return 7"), bad.describe());
    } finally {
      Shell.run(List.of(prefix.resolve("cluster/cjcpw").toString(), "-stop", SITE), env, dir, 120);
      killProcessesUnder(dir);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"guide", "two-sites"})
  void metaDataValidatesAgainstTheResourceAgentsSchemas(String spec) throws Exception {
    Shell.requireTool("xmllint", "libxml2-utils");
    Path rng = Path.of(RESOURCE_AGENTS, "metadata.rng");
    assertTrue(Files.exists(rng), rng + " is missing: apt-get install resource-agents");
    Path dir = dir();
    Path agent = writeAgent(dir, Specs.artifact(Specs.render(spec), "/jobcenter-site").text());
    Path xml = dir.resolve("meta-data.xml");
    Shell.Result md = Shell.run(List.of("sh", "-c", "\"$0\" meta-data > \"$1\"", agent.toString(), xml.toString()), Map.of(), dir, 30);
    assertEquals(0, md.exitCode(), md.describe());
    Shell.Result relaxng = Shell.run(List.of("xmllint", "--noout", "--relaxng", rng.toString(), xml.toString()), Map.of(), dir, 30);
    assertEquals(0, relaxng.exitCode(), relaxng.describe());
    assertTrue(relaxng.stderr().contains(" validates"), relaxng.describe());
    // As ocf-tester does: from stdin, in the folder of ra-api-1.dtd.
    Shell.Result dtd = Shell.run(List.of("sh", "-c", "xmllint --noout --valid - < \"$0\"", xml.toString()), Map.of(), Path.of(RESOURCE_AGENTS), 30);
    assertEquals(0, dtd.exitCode(), "ra-api-1.dtd: " + dtd.describe());

    // The schema is strict enough to see a missing shortdesc.
    Path broken = dir.resolve("broken.xml");
    Files.writeString(broken, Files.readString(xml).replace("<shortdesc lang=\"en\">Site name (FQDN)</shortdesc>\n", ""));
    Shell.Result bad = Shell.run(List.of("xmllint", "--noout", "--relaxng", rng.toString(), broken.toString()), Map.of(), dir, 30);
    assertNotEquals(0, bad.exitCode(), bad.describe());
  }

  @ParameterizedTest
  @ValueSource(strings = {"guide", "two-sites"})
  void theCibPassesCrmVerifyAndCrmSimulateStartsEachGroupOnOneNode(String spec) throws Exception {
    Shell.requireTool("crm_verify", "pacemaker-cli-utils");
    Shell.requireTool("crm_simulate", "pacemaker-cli-utils");
    Path dir = dir();
    Path cib = dir.resolve("cib.xml");
    Files.writeString(cib, Specs.artifact(Specs.render(spec), "/cib.xml").text());
    // No fencing device here: allow resources to start without one, and without quorum.
    for (String[] property : new String[][] {{"stonith-enabled", "false"}, {"no-quorum-policy", "ignore"}}) {
      Shell.Result set = Shell.run(List.of("crm_attribute", "-t", "crm_config", "-n", property[0], "-v", property[1]),
          Map.of("CIB_file", cib.toString()), dir, 30);
      assertEquals(0, set.exitCode(), set.describe());
    }
    Shell.Result verify = Shell.run(List.of("crm_verify", "-x", cib.toString(), "-V"), Map.of(), dir, 30);
    assertEquals(0, verify.exitCode(), verify.describe());
    assertFalse((verify.stdout() + verify.stderr()).contains("error"), verify.describe());
    List<String> args = new ArrayList<>(List.of("crm_simulate", "-x", cib.toString(), "-S"));
    for (var node : Specs.load(spec).nodes()) {
      args.addAll(List.of("--node-up", node.name()));
    }
    Shell.Result sim = Shell.run(args, Map.of(), dir, 30);
    assertEquals(0, sim.exitCode(), sim.describe());
    ClusterConfig config = CibReader.read(new SourceFile("cib.xml", Files.readString(cib)));
    for (ClusterConfig.Group g : config.groups()) {
      String node = null;
      for (String member : g.members()) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\* Start +" + java.util.regex.Pattern.quote(member) + " +\\(\\s*(\\S+)\\s*\\)\\s*$",
            java.util.regex.Pattern.MULTILINE).matcher(sim.stdout());
        assertTrue(m.find(), member + " is started:\n" + sim.stdout());
        if (node == null) {
          node = m.group(1);
        }
        assertEquals(node, m.group(1), "every member of " + g.id() + " starts on one node");
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"guide", "two-sites"})
  void thePcsScriptBuildsTheRenderedCibWithPcsMinusF(String spec) throws Exception {
    Shell.requireTool("pcs", "pcs");
    Shell.requireTool("cibadmin", "pacemaker-cli-utils");
    Path dir = dir();
    List<Artifact> artifacts = Specs.render(withTool(spec, "pcs"));
    Path script = dir.resolve("pcs-setup.sh");
    Files.write(script, Specs.artifact(artifacts, "/pcs-setup.sh").bytes());
    Path cib = emptyCib(dir);
    Shell.Result r = inAgentNamespace(dir, artifacts, "sh " + q(script) + " -f " + q(cib));
    assertEquals(0, r.exitCode(), r.describe());
    assertEquals(resources(Specs.artifact(artifacts, "/cib.xml").text()), resources(Files.readString(cib)));
    // pcs checks parameters against the agent's meta-data: an unknown one is refused.
    Path bad = dir.resolve("bad.sh");
    Files.writeString(bad, Files.readString(script).replace("boot_timeout=", "bootup_timeout="));
    Shell.Result refused = inAgentNamespace(dir, artifacts, "sh " + q(bad) + " -f " + q(emptyCib(dir)));
    assertNotEquals(0, refused.exitCode(), refused.describe());
    assertTrue(refused.stderr().contains("bootup_timeout"), refused.describe());
  }

  @ParameterizedTest
  @ValueSource(strings = {"guide", "two-sites"})
  void theCrmFileLoadsIntoACibFileWithCrmsh(String spec) throws Exception {
    Shell.requireTool("crm", "crmsh");
    Shell.requireTool("cibadmin", "pacemaker-cli-utils");
    Path dir = dir();
    List<Artifact> artifacts = Specs.render(withTool(spec, "crmsh"));
    Path file = dir.resolve("crm-setup.crm");
    Files.write(file, Specs.artifact(artifacts, "/crm-setup.crm").bytes());
    Path cib = emptyCib(dir);
    // crmsh verifies the whole CIB before committing; a cluster here has no fencing device.
    Shell.Result set = Shell.run(List.of("crm_attribute", "-t", "crm_config", "-n", "stonith-enabled", "-v", "false"),
        Map.of("CIB_file", cib.toString()), dir, 30);
    assertEquals(0, set.exitCode(), set.describe());
    Shell.Result r = inAgentNamespace(dir, artifacts, "CIB_file=" + q(cib) + " crm configure load update " + q(file));
    assertEquals(0, r.exitCode(), r.describe());
    assertEquals(resources(Specs.artifact(artifacts, "/cib.xml").text()), resources(Files.readString(cib)));
  }

  /** The spec with another configTool. */
  private static ClusterSpec withTool(String spec, String tool) throws Exception {
    String text = Files.readString(Path.of("src/test/resources/specs", spec + ".yaml"));
    String changed = text.contains("configTool: crmsh")
        ? text.replace("configTool: crmsh", "configTool: " + tool)
        : text.replace("pacemaker: {}", "pacemaker: {configTool: " + tool + "}");
    assertNotEquals(text.contains("configTool: crmsh") && tool.equals("crmsh") ? "" : text, changed);
    return Specs.parse(changed);
  }

  private static Path emptyCib(Path dir) throws IOException {
    Path cib = Files.createTempFile(dir, "cib", ".xml");
    Shell.Result r = Shell.run(List.of("sh", "-c", "cibadmin --empty > \"$0\"", cib.toString()), Map.of(), dir, 30);
    assertEquals(0, r.exitCode(), r.describe());
    return cib;
  }

  /**
   * Runs {@code command} where /usr/lib/ocf/resource.d also holds the rendered agent: a private
   * mount namespace with an overlay, gone when the command ends.
   */
  private static Shell.Result inAgentNamespace(Path dir, List<Artifact> artifacts, String command) throws IOException {
    Shell.Result id = Shell.run(List.of("id", "-u"));
    Assumptions.assumeTrue(id.stdout().strip().equals("0"),
        "pcs and crmsh read the agent from /usr/lib/ocf/resource.d; adding it without installing it needs root (a mount namespace)");
    Path ra = dir.resolve("ra");
    for (Artifact a : artifacts) {
      if (a.path().startsWith("pacemaker/resource.d/")) {
        Path f = ra.resolve(a.path().substring("pacemaker/resource.d/".length()));
        Files.createDirectories(f.getParent());
        Files.write(f, a.bytes());
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
      }
    }
    String script = "mount --make-rprivate / && mount -t overlay overlay -o lowerdir=" + q(ra.toString())
        + ":/usr/lib/ocf/resource.d /usr/lib/ocf/resource.d && " + command;
    return Shell.run(List.of("unshare", "--mount", "sh", "-c", script), Map.of(), dir, 120);
  }

  /** The resources of a CIB as comparable text: agent, parameters, start/stop/monitor, group order. */
  private static Map<String, String> resources(String cibXml) {
    ClusterConfig c = CibReader.read(new SourceFile("cib.xml", cibXml));
    assertEquals(List.of(), c.problems());
    Map<String, String> out = new TreeMap<>();
    for (ClusterConfig.Primitive p : c.primitives()) {
      java.util.TreeSet<String> ops = new java.util.TreeSet<>();
      for (ClusterConfig.Op o : p.ops()) {
        if (List.of("start", "stop", "monitor").contains(o.name())) {
          ops.add(o.name() + " interval=" + o.interval().orElse("") + " timeout=" + o.timeout().orElse(""));
        }
      }
      out.put(p.id(), p.agent() + " " + new TreeMap<>(p.params()) + " " + ops);
    }
    for (ClusterConfig.Group g : c.groups()) {
      out.put("group " + g.id(), String.join(" ", g.members()));
    }
    return out;
  }

  private static Path writeAgent(Path dir, String text) throws IOException {
    Files.createDirectories(dir);
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path agent = dir.resolve("jobcenter-site");
    Files.writeString(agent, text);
    Files.setPosixFilePermissions(agent, PosixFilePermissions.fromString("rwxr-xr-x"));
    return agent;
  }

  /** The CLUSTERKIT_* machine of the embedded runtime: a private spool, a hosts file, a free port, fast seconds. */
  private static Map<String, String> runtime(Path dir) throws IOException {
    Path hosts = dir.resolve("hosts");
    Files.writeString(hosts, ADDRESS + " " + SITE + "\n");
    Map<String, String> env = new HashMap<>();
    env.put("CLUSTERKIT_SPOOL_ROOT", dir.resolve("spool").toString());
    env.put("CLUSTERKIT_HOSTS_FILE", hosts.toString());
    env.put("CLUSTERKIT_HOSTNAME", "node1.example.com");
    env.put("CLUSTERKIT_SECOND_MS", "100");
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress(InetAddress.getByName(ADDRESS), 0));
      env.put("CLUSTERKIT_NQS_PORT", Integer.toString(s.getLocalPort()));
    }
    return env;
  }

  /** Kills what the runtime left behind: every process whose working directory is under {@code dir}. */
  static void killProcessesUnder(Path dir) throws IOException {
    try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path p : procs) {
        try {
          if (Files.readSymbolicLink(p.resolve("cwd")).startsWith(dir)) {
            ProcessHandle.of(Long.parseLong(p.getFileName().toString())).ifPresent(ProcessHandle::destroyForcibly);
          }
        } catch (IOException | UnsupportedOperationException gone) {
          // Gone, or not ours to read.
        }
      }
    }
  }

  private static String q(Path p) {
    return q(p.toString());
  }

  private static String q(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
