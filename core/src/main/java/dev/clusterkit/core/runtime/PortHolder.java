package dev.clusterkit.core.runtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * The detached process {@code nqsportkpr} leaves behind: binds ADDRESS:PORT, prints {@code BOUND
 * pid} (or {@code FAILED reason}) on its standard output, closes it, then holds the port until a
 * {@code RELEASE} request or TIMEOUT seconds (see {@link PortKeeper} for the hand-over).
 */
public final class PortHolder {
  private PortHolder() {}

  public static void main(String[] args) throws IOException {
    PrintStream out = System.out;
    if (args.length != 3) {
      out.println("FAILED usage: PortHolder ADDRESS PORT TIMEOUT_SECONDS");
      System.exit(2);
    }
    long deadline = System.nanoTime() + Long.parseLong(args[2]) * 1_000_000_000L;
    ServerSocket server = new ServerSocket();
    try {
      server.bind(new InetSocketAddress(InetAddress.getByName(args[0]), Integer.parseInt(args[1])), 16);
    } catch (IOException e) {
      out.println("FAILED " + args[0] + ":" + args[1] + " cannot be bound: " + e.getMessage());
      out.close();
      System.exit(1);
    }
    out.println("BOUND " + ProcessHandle.current().pid());
    out.close();
    while (true) {
      long left = (deadline - System.nanoTime()) / 1_000_000L;
      if (left <= 0) {
        server.close();
        System.exit(0);
      }
      server.setSoTimeout((int) Math.min(left, Integer.MAX_VALUE));
      Socket client;
      try {
        client = server.accept();
      } catch (SocketTimeoutException timeUp) {
        continue;
      }
      try (client) {
        client.setSoTimeout(5000);
        BufferedReader in =
            new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        if ("RELEASE".equals(in.readLine())) {
          server.close();
          client.getOutputStream().write("RELEASED\n".getBytes(StandardCharsets.US_ASCII));
          client.getOutputStream().flush();
          in.readLine(); // wait for the other side to close first
          System.exit(0);
        }
      } catch (IOException ignored) {
        // A stray client; keep holding the port.
      }
    }
  }
}
