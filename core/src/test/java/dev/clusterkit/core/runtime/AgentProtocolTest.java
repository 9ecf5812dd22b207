package dev.clusterkit.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterkit.testkit.Shell;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent's wire format, its checks of a client, and its client's text. */
class AgentProtocolTest {
  @TempDir Path tmp;

  private static final String LIMITS =
      """
      Limit                     Soft Limit           Hard Limit           Units
      Max cpu time              unlimited            unlimited            seconds
      Max stack size            8388608              unlimited            bytes
      Max open files            1024                 1048576              files
      """;

  private static final String STATUS =
      "Name:\tperl\nUmask:\t0022\nGroups:\t0 27 4 \nVmPeak:\t1 kB\nSigIgn:\t0000000000001001\nSigCgt:\t0000000000004003\n";

  /** A comm with spaces and parentheses, as a process may name itself. */
  private static final String STAT = "4242 (a (b) c) S 1 4242 4242 0 -1 4194304 100 0 0 0 0 0 0 0 20 5 1 0 12345 0 0\n";

  private static byte[] request(String... fields) {
    return (String.join("\0", fields) + "\0").getBytes(StandardCharsets.UTF_8);
  }

  private static AgentRequest parse(byte[] bytes) throws IOException {
    return AgentRequest.read(new AgentInput(Channels.newChannel(new java.io.ByteArrayInputStream(bytes))));
  }

  @Test
  void aRequestCarriesPidUmaskLimitsEnvironmentAndArguments() throws IOException {
    AgentRequest r = parse(request(AgentRequest.MAGIC, "4242", "18", LIMITS, STATUS, STAT, "0\n", "2", "A=1", "EMPTY=", "4", "cjcpw", "site", "", "x=y"));
    assertEquals(4242, r.pid());
    assertEquals(022, r.umask());
    assertEquals(LIMITS, r.limits());
    // SigIgn 0x1001: SIGHUP (1) and SIGPIPE (13), which is not compared.
    assertEquals(Optional.of(new InheritedAttributes(java.util.Set.of(0L, 4L, 27L), java.util.Set.of(1), 5, 0)),
        InheritedAttributes.parse(r.status(), r.stat(), r.oomScoreAdj()));
    assertEquals(Map.of("A", "1", "EMPTY", ""), r.environment());
    assertEquals("cjcpw", r.command());
    assertEquals(List.of("site", "", "x=y"), r.arguments());
  }

  @Test
  void aBrokenRequestSaysWhatIsWrong() {
    assertEquals("not a clusterkit agent request (starts with 'GET / HTTP/1.0')",
        assertThrows(IOException.class, () -> parse(request("GET / HTTP/1.0"))).getMessage());
    assertEquals("the pid '12x' is not a number",
        assertThrows(IOException.class, () -> parse(request(AgentRequest.MAGIC, "12x"))).getMessage());
    assertEquals("environment entry '=x' is not NAME=VALUE",
        assertThrows(IOException.class, () -> parse(request(AgentRequest.MAGIC, "1", "18", "", "", "", "", "1", "=x"))).getMessage());
    assertEquals("no command in the request",
        assertThrows(IOException.class, () -> parse(request(AgentRequest.MAGIC, "1", "18", "", "", "", "", "0", "0"))).getMessage());
    assertEquals("the request ended before its argument",
        assertThrows(IOException.class, () -> parse(request(AgentRequest.MAGIC, "1", "18", "", "", "", "", "0", "2", "cjcls"))).getMessage());
    byte[] latin1 = request(AgentRequest.MAGIC, "1", "18", "", "", "", "", "1", "X=caf\u00e9", "1", "cjcls");
    byte[] raw = new String(latin1, StandardCharsets.UTF_8).getBytes(StandardCharsets.ISO_8859_1);
    assertEquals("the environment entry is not UTF-8", assertThrows(IOException.class, () -> parse(raw)).getMessage());
  }

  @Test
  void limitsDifferWhereADaemonWouldInheritSomethingElse() {
    ProcessLimits agent = ProcessLimits.parse(LIMITS.replace("1024     ", "1048576  "));
    assertEquals(Optional.empty(), agent.differenceFrom(ProcessLimits.parse(LIMITS)), "a JVM lifts the soft open-files limit itself");
    assertEquals(Optional.of("max stack size: unlimited/unlimited here, 8388608/unlimited in the agent"),
        agent.differenceFrom(ProcessLimits.parse(LIMITS.replace("8388608  ", "unlimited"))));
    assertEquals(Optional.of("max open files: 1024/4096 here, 1048576/1048576 in the agent"),
        agent.differenceFrom(ProcessLimits.parse(LIMITS.replace("1048576 ", "4096    "))));
    assertTrue(agent.differenceFrom(ProcessLimits.parse("Limit  Soft  Hard\n")).isPresent());
  }

  @Test
  void groupsNiceAndOomScoreAreComparedAsADaemonWouldInheritThem() {
    java.util.Set<Long> groups = java.util.Set.of(0L, 4L);
    java.util.Set<Integer> none = java.util.Set.of();
    InheritedAttributes agent = new InheritedAttributes(groups, none, 0, 0);
    assertEquals(Optional.empty(), agent.differenceFrom(new InheritedAttributes(java.util.Set.of(4L, 0L), none, 0, 0)));
    assertEquals(Optional.of("supplementary groups [0] here, [0, 4] in the agent"),
        agent.differenceFrom(new InheritedAttributes(java.util.Set.of(0L), none, 0, 0)));
    assertEquals(Optional.of("ignored signals [1, 2] here, [] in the agent"),
        agent.differenceFrom(new InheritedAttributes(groups, java.util.Set.of(2, 1), 0, 0)));
    assertEquals(Optional.of("nice 10 here, 0 in the agent"), agent.differenceFrom(new InheritedAttributes(groups, none, 10, 0)));
    assertEquals(Optional.of("oom_score_adj -500 here, 0 in the agent"),
        agent.differenceFrom(new InheritedAttributes(groups, none, 0, -500)));
    assertEquals(Optional.empty(), InheritedAttributes.parse("Name:\tx\n", STAT, "0"), "no Groups line");
    assertEquals(Optional.empty(), InheritedAttributes.parse(STATUS, "4242 (x) S 1", "0"), "a short stat");
    assertTrue(InheritedAttributes.ofSelf().isPresent());
  }

  @Test
  void onlyCommandsThatMayStartDaemonsMustShareUmaskAndLimits() {
    assertTrue(AgentSession.startsDaemons(new AgentRequest(1, 0, "", "", "", "", Map.of(), List.of("cjcpw", "s", "/db"))));
    assertTrue(AgentSession.startsDaemons(new AgentRequest(1, 0, "", "", "", "", Map.of(), List.of("cjcpw", "-c", "s", "/db"))));
    assertTrue(AgentSession.startsDaemons(new AgentRequest(1, 0, "", "", "", "", Map.of(), List.of("nqsstart", "s"))));
    assertFalse(AgentSession.startsDaemons(new AgentRequest(1, 0, "", "", "", "", Map.of(), List.of("cjcpw", "-stop", "s"))));
    assertFalse(AgentSession.startsDaemons(new AgentRequest(1, 0, "", "", "", "", Map.of(), List.of("nqsstop", "s"))));
    assertFalse(AgentSession.startsDaemons(new AgentRequest(1, 0, "", "", "", "", Map.of(), List.of("cjcls"))));
  }

  /** A client speaking the protocol by hand: a command the agent does not run gets "direct", nothing runs. */
  @Test
  void aCommandTheAgentDoesNotRunIsSentBackToRunDirectly() throws Exception {
    Path prefix = tmp.resolve("p");
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    RuntimeAgent agent = RuntimeAgent.start(prefix, new PrintStream(log, true, StandardCharsets.UTF_8));
    try (agent;
        SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(RuntimeAgent.socket(prefix)))) {
      ch.write(ByteBuffer.wrap(request(AgentRequest.MAGIC, "77", "18", LIMITS, STATUS, STAT, "0", "0", "4", "cjcmksite", "s", "1", "/db")));
      ByteBuffer head = ByteBuffer.allocate(5);
      while (head.hasRemaining() && ch.read(head) >= 0) {
        // until the header is in
      }
      head.flip();
      assertEquals(AgentFrames.DIRECT, head.get());
      ByteBuffer reason = ByteBuffer.allocate(head.getInt());
      while (reason.hasRemaining() && ch.read(reason) >= 0) {
        // until the reason is in
      }
      assertEquals("cjcmksite is not run by the agent", new String(reason.array(), StandardCharsets.UTF_8));
      assertEquals(-1, ch.read(ByteBuffer.allocate(1)), "the agent closes the connection");
    }
    assertTrue(log.toString(StandardCharsets.UTF_8).contains("pid 77: cjcmksite runs in a JVM of its own: cjcmksite is not run by the agent"), log.toString());
  }

  /** A request the agent cannot read (another client's version, say) still gets its command run: directly. */
  @Test
  void anUnreadableRequestIsSentBackToRunDirectly() throws Exception {
    Path prefix = tmp.resolve("p");
    RuntimeAgent agent = RuntimeAgent.start(prefix, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    try (agent;
        SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(RuntimeAgent.socket(prefix)))) {
      ch.write(ByteBuffer.wrap(request("clusterkit-agent 9", "77")));
      ByteBuffer frame = ByteBuffer.allocate(200);
      while (ch.read(frame) >= 0) {
        // until the agent closes
      }
      frame.flip();
      assertEquals(AgentFrames.DIRECT, frame.get());
      byte[] reason = new byte[frame.getInt()];
      frame.get(reason);
      assertEquals("the agent could not read the request: not a clusterkit agent request (starts with 'clusterkit-agent 9')",
          new String(reason, StandardCharsets.UTF_8));
    }
  }

  @Test
  void theClientIsValidPerlWithoutWarnings() throws Exception {
    Shell.requireTool("perl", "perl");
    Path client = tmp.resolve("client.pl");
    java.nio.file.Files.writeString(client, ShimInstaller.agentClient());
    Shell.Result r = Shell.run(List.of("perl", "-cw", client.toString()));
    assertEquals(0, r.exitCode(), r.describe());
    assertEquals("", r.stdout());
    assertEquals(client + " syntax OK\n", r.stderr());
  }
}
