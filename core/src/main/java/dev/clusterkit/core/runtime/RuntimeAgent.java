package dev.clusterkit.core.runtime;

import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A resident JVM that runs the JobCenter commands of the shims under one install root, so that a
 * {@code cjcpw} the cluster software starts does not wait for a JVM to start: the shim hands its
 * command to a small perl client ({@value #CLIENT}), which passes it, its environment, umask and
 * limits, to this agent over a Unix-domain socket and relays the output, the exit code and the
 * termination signals it receives. Without a running agent, or when the agent declines ({@link
 * AgentSession}), the client runs the shim again with {@code CLUSTERKIT_AGENT=off}: a JVM of its
 * own, as before.
 *
 * <p>The socket lives in {@value #FOLDER} under the prefix, a folder only the agent's user may
 * enter; a lock file there keeps a second agent for the same prefix from starting.
 */
public final class RuntimeAgent implements AutoCloseable {
  /** The agent's folder under the install root: its socket and lock. */
  public static final String FOLDER = ".clusterkit-agent";

  /** The client the shims exec, under the install root. */
  public static final String CLIENT = ".clusterkit-agent-client.pl";

  private final ServerSocketChannel channel;
  private final Path socket;
  private final ExclusiveLock lock;
  private final PrintStream log;
  private final AgentSession.Self self;

  /** Set when this JVM is ending: the sites it runs are being stopped by their shutdown hooks. */
  private volatile boolean ending;

  private RuntimeAgent(ServerSocketChannel channel, Path socket, ExclusiveLock lock, PrintStream log) {
    this.channel = channel;
    this.socket = socket;
    this.lock = lock;
    this.log = log;
    this.self = AgentSession.Self.current();
  }

  /** The socket the agent of {@code prefix} listens on. */
  public static Path socket(Path prefix) {
    return prefix.resolve(FOLDER).resolve("agent.sock");
  }

  /**
   * Starts serving the shims of {@code prefix} on a thread of its own; returns at once.
   *
   * @throws IOException when another agent serves the prefix, or the socket cannot be made
   */
  public static RuntimeAgent start(Path prefix, PrintStream log) throws IOException {
    Path folder = prefix.resolve(FOLDER);
    Files.createDirectories(folder);
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
    Path socket = socket(prefix);
    ControlChannel.checkPath(socket);
    Path lockFile = folder.resolve("agent.lock");
    ExclusiveLock lock = ExclusiveLock.tryTake(lockFile).orElseThrow(
        () -> new IOException("another agent serves " + prefix + " (it holds " + lockFile + ")"));
    try {
      Files.deleteIfExists(socket);
      ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
      ch.bind(UnixDomainSocketAddress.of(socket));
      RuntimeAgent agent = new RuntimeAgent(ch, socket, lock, log);
      AcceptLoop.start(ch, "clusterkit-agent", client -> new AgentSession(client, agent.self, log, () -> agent.ending).run(),
          problem -> {
            log.println("clusterkit-agent: " + problem);
            log.flush();
          });
      log.println("clusterkit-agent: serving " + prefix + " on " + socket + " (pid " + ProcessHandle.current().pid() + ")");
      log.flush();
      return agent;
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  /** Serves {@code prefix} until this JVM is ended; the socket goes with it. */
  public static void serve(Path prefix, PrintStream log) throws IOException {
    RuntimeAgent agent = start(prefix, log);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          agent.ending = true;
          agent.close();
        }, "clusterkit-agent-exit"));
    while (true) {
      try {
        Thread.sleep(Long.MAX_VALUE);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        agent.close();
        return;
      }
    }
  }

  /** Stops accepting clients. Sites running in this JVM run on until they stop or it ends. */
  @Override
  public void close() {
    try {
      channel.close();
      Files.deleteIfExists(socket);
    } catch (IOException ignored) {
      // A leftover socket refuses connections; the next agent removes it.
    } finally {
      lock.close();
    }
  }
}
