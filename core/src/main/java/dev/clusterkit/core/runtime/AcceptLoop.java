package dev.clusterkit.core.runtime;

import java.io.IOException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.function.Consumer;

/**
 * Accepts connections on a listening socket until it is closed, each served on a thread of its own
 * (not a pool: the runtime agent's sessions start daemons, whose parent-death signal follows the
 * thread). A failed accept (out of file descriptors, say) is reported and retried after a pause,
 * so a passing failure does not leave the socket listening with nobody answering.
 */
final class AcceptLoop {
  private AcceptLoop() {}

  static void start(ServerSocketChannel channel, String name, Consumer<SocketChannel> serve, Consumer<String> report) {
    Thread accept = new Thread(() -> run(channel, name, serve, report), name);
    accept.setDaemon(true);
    accept.start();
  }

  private static void run(ServerSocketChannel channel, String name, Consumer<SocketChannel> serve, Consumer<String> report) {
    while (channel.isOpen()) {
      SocketChannel client;
      try {
        client = channel.accept();
      } catch (IOException e) {
        if (!channel.isOpen()) {
          return;
        }
        report.accept("cannot accept a connection: " + e.getMessage());
        try {
          Thread.sleep(100);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
        continue;
      }
      Thread t = new Thread(() -> serve.accept(client), name + "-client");
      t.setDaemon(true);
      t.start();
    }
  }
}
