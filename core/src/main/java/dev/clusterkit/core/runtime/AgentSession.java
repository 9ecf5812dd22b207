package dev.clusterkit.core.runtime;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.SocketChannel;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

/**
 * One client of the {@link RuntimeAgent}: its request read and checked, its command run on this
 * thread, the output and exit code sent back as {@link AgentFrames}.
 *
 * <p>The agent runs a command only where it would run exactly as in a JVM of the client's own: the
 * same user, and for a command that may start daemons the same umask and resource limits, which
 * the daemons inherit; otherwise it answers "direct" and the client starts that JVM. The daemons
 * get the client's environment.
 *
 * <p>A watched cjcpw stands for its client: when the client receives SIGTERM, SIGINT or SIGHUP it
 * passes the signal on, and the supervisor stops the site as a cjcpw JVM does on such a signal;
 * the exit code is then 128 + the signal. When the client ends without an answer (SIGKILL), the
 * site is stopped too, so no daemon outlives the process the cluster software watches. This thread
 * starts the daemons and lives as long as the site runs, which their parent-death signal needs.
 */
final class AgentSession implements Runnable {
  /** The commands the agent runs; cjcmksite, nqsportkpr and site-delete always get a JVM. */
  static final Set<String> SERVED = Set.of("cjcpw", "cjcls", "nqsstart", "nqsstop");

  /** What a client must share with the agent for a command to run in it. */
  record Self(
      String user, int umask, Optional<ProcessLimits> limits, Optional<InheritedAttributes> attributes, boolean utf8) {
    static Self current() {
      return new Self(
          System.getProperty("user.name"),
          Posix.system().umask(),
          ProcessLimits.ofSelf(),
          InheritedAttributes.ofSelf(),
          "UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding", "")));
    }
  }

  /** Settings that name files, which a JVM of the client's own would resolve against its directory. */
  private static final java.util.List<String> PATH_SETTINGS =
      java.util.List.of("CLUSTERKIT_SPOOL_ROOT", "CLUSTERKIT_HOSTS_FILE", "CLUSTERKIT_COMMON_DAEMON_CONF");

  private final SocketChannel channel;
  private final Self self;
  private final PrintStream log;
  private final AgentFrames frames;
  private final AtomicBoolean done = new AtomicBoolean();
  private final AtomicInteger signal = new AtomicInteger();
  private final Termination termination = new Termination();
  private final BooleanSupplier agentEnding;

  AgentSession(SocketChannel channel, Self self, PrintStream log, BooleanSupplier agentEnding) {
    this.agentEnding = agentEnding;
    this.channel = channel;
    this.self = self;
    this.log = log;
    this.frames = new AgentFrames(channel);
  }

  @Override
  public void run() {
    try (channel) {
      AgentInput in = new AgentInput(channel);
      AgentRequest request;
      try {
        request = AgentRequest.read(in);
      } catch (IOException | IllegalArgumentException e) {
        // Another client version, say: it can still run its command in a JVM of its own.
        log("a request was not read: " + e.getMessage());
        frames.direct("the agent could not read the request: " + e.getMessage());
        return;
      }
      Optional<String> decline = decline(request);
      if (decline.isPresent()) {
        log("pid " + request.pid() + ": " + request.command() + " runs in a JVM of its own: " + decline.get());
        frames.direct(decline.get());
        return;
      }
      if (agentEnding.getAsBoolean()) {
        frames.direct("the agent is ending");
        return;
      }
      log("pid " + request.pid() + ": " + String.join(" ", request.argv()) + ": started");
      frames.accepted();
      Thread monitor = new Thread(() -> watchClient(in, request), "agent-client-" + request.pid());
      monitor.setDaemon(true);
      monitor.start();
      int code = execute(request);
      done.set(true);
      if (signal.get() != 0) {
        code = 128 + signal.get();
      } else if (code == 0 && agentEnding.getAsBoolean() && request.command().equals("cjcpw")) {
        // Stopped by the agent's own end, not on request: for the cluster software the site failed.
        frames.stream(AgentFrames.ERR).println("cjcpw: the clusterkit runtime agent is ending: the site was stopped");
        code = 1;
      }
      // Logged first, so whoever saw the client end finds the line.
      log("pid " + request.pid() + ": " + String.join(" ", request.argv()) + ": exit code " + code);
      frames.exit(code);
    } catch (IOException ignored) {
      // Closing a connection the client already dropped.
    }
  }

  private int execute(AgentRequest request) {
    PrintStream out = frames.stream(AgentFrames.OUT);
    PrintStream err = frames.stream(AgentFrames.ERR);
    try {
      return JobCenterCommands.run(
          request.command(), request.arguments().toArray(String[]::new), caller(request), out, err);
    } catch (RuntimeException e) {
      err.println(request.command() + ": internal error in the clusterkit runtime agent: " + e);
      log("pid " + request.pid() + ": " + request.command() + " failed: " + e);
      e.printStackTrace(log);
      return 1;
    } finally {
      out.flush();
      err.flush();
    }
  }

  private Caller caller(AgentRequest request) {
    ProcessIdentity client = ProcessIdentity.of(request.pid()).orElse(new ProcessIdentity(request.pid(), -1));
    return new Caller(request.environment(), client, termination, false);
  }

  /** Why {@code request} cannot run here; empty when it can. */
  Optional<String> decline(AgentRequest request) {
    if (!SERVED.contains(request.command())) {
      return Optional.of(request.command() + " is not run by the agent");
    }
    Optional<String> user = peerUser();
    if (user.isEmpty() || !user.get().equals(self.user())) {
      return Optional.of("the client runs as " + user.orElse("an unknown user") + ", the agent as " + self.user());
    }
    for (String name : PATH_SETTINGS) {
      String value = request.environment().get(name);
      if (value != null && !value.isEmpty() && !value.startsWith("/")) {
        return Optional.of(name + " is the relative path '" + value + "'");
      }
    }
    if (!self.utf8() && (nonAscii(request.environment().toString()) || nonAscii(request.argv().toString()))) {
      return Optional.of("the request holds non-ASCII text and the agent's locale is not UTF-8 (start it with LANG=C.UTF-8)");
    }
    if (!startsDaemons(request)) {
      return Optional.empty();
    }
    if (request.umask() != self.umask()) {
      return Optional.of(String.format("umask %04o here, %04o in the agent", request.umask(), self.umask()));
    }
    if (self.limits().isEmpty() || request.limits().isEmpty()) {
      return Optional.of("resource limits unknown (no /proc)");
    }
    Optional<String> limits = self.limits().get().differenceFrom(ProcessLimits.parse(request.limits()));
    if (limits.isPresent()) {
      return limits;
    }
    Optional<InheritedAttributes> client = InheritedAttributes.parse(request.status(), request.stat(), request.oomScoreAdj());
    if (self.attributes().isEmpty() || client.isEmpty()) {
      return Optional.of("groups, nice value or OOM score unknown (no /proc)");
    }
    return self.attributes().get().differenceFrom(client.get());
  }

  private static boolean nonAscii(String s) {
    return s.chars().anyMatch(c -> c > 0x7f);
  }

  /**
   * Whether {@code request} may start daemons (cjcpw, cjcpw -c, nqsstart without a cjcpw), whose
   * umask and limits must then be the client's; cjcls, cjcpw -stop and nqsstop only read and signal.
   */
  static boolean startsDaemons(AgentRequest request) {
    return switch (request.command()) {
      case "cjcpw" -> request.arguments().isEmpty() || !request.arguments().get(0).equals("-stop");
      case "nqsstart" -> true;
      default -> false;
    };
  }

  private Optional<String> peerUser() {
    try {
      UnixDomainPrincipal peer = channel.getOption(ExtendedSocketOptions.SO_PEERCRED);
      return Optional.of(peer.user().getName());
    } catch (IOException | UnsupportedOperationException e) {
      return Optional.empty();
    }
  }

  /** Reads the client's signal frames until it ends; a signal, or the end while cjcpw runs, stops the site. */
  private void watchClient(AgentInput in, AgentRequest request) {
    try {
      while (true) {
        int type = in.read();
        if (type < 0) {
          break;
        }
        if (type != AgentFrames.SIGNAL) {
          continue; // nothing else is sent; read on, to see the client's end
        }
        long number = in.readInt();
        if (number >= 1 && number <= 64) {
          signal.compareAndSet(0, (int) number);
          termination.request();
        }
      }
    } catch (IOException gone) {
      // The same as the end of the stream: the client is gone.
    }
    if (!done.get()) {
      termination.abandon();
    }
  }

  private void log(String message) {
    synchronized (log) {
      log.println("clusterkit-agent: " + message);
      log.flush();
    }
  }
}
