package dev.clusterkit.core.runtime;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * The placeholder daemon of a new embedded site ({@code cjcmksite} lists it in {@code
 * daemons.conf}): listens on ADDRESS:PORT, the NQS port of the site address, and closes every
 * connection, until it is signalled. Replace it with the real daemons of the site.
 */
public final class PortDaemon {
  private PortDaemon() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: PortDaemon ADDRESS PORT");
      System.exit(2);
    }
    try (ServerSocket server = new ServerSocket()) {
      server.bind(new InetSocketAddress(InetAddress.getByName(args[0]), Integer.parseInt(args[1])), 50);
      System.out.println("listening on " + args[0] + ":" + args[1]);
      System.out.flush();
      while (true) {
        // Nothing to serve: accepting shows the port is bound.
        Socket client = server.accept();
        client.close();
      }
    }
  }
}
