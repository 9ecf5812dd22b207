package dev.clusterkit.core.runtime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The supervisor's control channel: a Unix-domain socket in the site database's run folder. A
 * client sends one command line ({@code STOP}, {@code NQSSTOP}, {@code NQSSTART}) and reads one
 * reply line ({@code OK ...}, {@code FAILED ...}, {@code ALREADY ...}) sent once the work is done.
 * A socket file without a listener (left by a killed supervisor) refuses connections; the next
 * supervisor, holding the site lock, removes it.
 */
final class ControlChannel {
  /** Commands a client can send. */
  enum Command {
    STOP,
    NQSSTOP,
    NQSSTART
  }

  /** A received command and how to answer it (once). */
  record Request(Command command, Consumer<String> reply) {}

  /** Unix-domain socket paths are limited to 108 bytes on Linux, the final NUL included. */
  static final int MAX_PATH = 107;

  private ControlChannel() {}

  static void checkPath(Path socket) throws IOException {
    int length = socket.toString().getBytes(StandardCharsets.UTF_8).length;
    if (length > MAX_PATH) {
      throw new IOException(
          "control socket " + socket + " is " + length + " bytes long, more than the " + MAX_PATH
              + " the OS allows: use a shorter site database path");
    }
  }

  /** A listening server; requests are handed to {@code sink} from a connection thread. */
  static final class Server implements AutoCloseable {
    private final ServerSocketChannel channel;
    private final Path socket;

    private Server(ServerSocketChannel channel, Path socket) {
      this.channel = channel;
      this.socket = socket;
    }

    static Server start(Path socket, Consumer<Request> sink) throws IOException {
      checkPath(socket);
      Files.deleteIfExists(socket);
      ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
      ch.bind(UnixDomainSocketAddress.of(socket));
      // A failed accept has nobody to tell but the next one: the supervisor's log is its thread's.
      AcceptLoop.start(ch, "cjcpw-control", client -> serve(client, sink), problem -> {});
      return new Server(ch, socket);
    }

    private static void serve(SocketChannel client, Consumer<Request> sink) {
      try {
        String line = readLine(client);
        Command command;
        try {
          command = Command.valueOf(line.strip());
        } catch (IllegalArgumentException e) {
          write(client, "FAILED unknown command '" + line.strip() + "'");
          client.close();
          return;
        }
        sink.accept(
            new Request(
                command,
                reply -> {
                  try (client) {
                    write(client, reply);
                  } catch (IOException gone) {
                    // The client gave up waiting; the work is done all the same.
                  }
                }));
      } catch (IOException e) {
        try {
          client.close();
        } catch (IOException ignored) {
          // Nothing more to do with a broken connection.
        }
      }
    }

    @Override
    public void close() {
      try {
        channel.close();
      } catch (IOException ignored) {
        // Closing is best effort; the file is removed below.
      }
      try {
        Files.deleteIfExists(socket);
      } catch (IOException ignored) {
        // A leftover socket file is harmless: the next supervisor removes it.
      }
    }
  }

  /**
   * Sends {@code command} and waits up to {@code timeout} for the reply.
   *
   * @return empty when no supervisor listens on the socket (no file, or a stale one)
   */
  static Optional<String> send(Path socket, Command command, Duration timeout) throws IOException {
    if (!Files.exists(socket)) {
      return Optional.empty();
    }
    checkPath(socket);
    SocketChannel ch;
    try {
      ch = SocketChannel.open(UnixDomainSocketAddress.of(socket));
    } catch (java.net.ConnectException | java.nio.file.NoSuchFileException stale) {
      return Optional.empty();
    } catch (java.net.SocketException stale) {
      return Optional.empty();
    }
    try (ch) {
      write(ch, command.name());
      CompletableFuture<String> reply = new CompletableFuture<>();
      Thread reader =
          new Thread(
              () -> {
                try {
                  reply.complete(readLine(ch));
                } catch (IOException e) {
                  reply.completeExceptionally(e);
                }
              },
              "cjcpw-control-reply");
      reader.setDaemon(true);
      reader.start();
      try {
        return Optional.of(reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
      } catch (TimeoutException e) {
        throw new IOException("no reply to " + command + " from the supervisor within " + timeout.toSeconds() + " s");
      } catch (ExecutionException e) {
        throw new IOException("the supervisor closed the control connection without replying to " + command, e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted waiting for the supervisor", e);
      }
    }
  }

  private static void write(SocketChannel ch, String line) throws IOException {
    ByteBuffer buf = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
    while (buf.hasRemaining()) {
      ch.write(buf);
    }
  }

  private static String readLine(SocketChannel ch) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ByteBuffer one = ByteBuffer.allocate(1);
    while (bytes.size() < 4096) {
      one.clear();
      if (ch.read(one) < 0) {
        if (bytes.size() == 0) {
          throw new IOException("connection closed");
        }
        break;
      }
      byte b = one.get(0);
      if (b == '\n') {
        break;
      }
      bytes.write(b);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
