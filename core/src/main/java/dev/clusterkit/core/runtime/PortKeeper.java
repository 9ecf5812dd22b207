package dev.clusterkit.core.runtime;

import dev.clusterkit.core.site.RelocatableAddress;
import dev.clusterkit.core.site.SiteControlException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code nqsportkpr ADDRESS} (guide 3.1.3): keeps the NQS port on the site address free for the
 * site's daemon.
 *
 * <p>The hand-over: {@link #keep} starts a {@link PortHolder} in a session of its own, waits until
 * it reports the port bound, and returns, so the cluster script goes on to run {@code cjcpw}. The
 * holder accepts connections on the port and waits. When {@code cjcpw} is about to start the daemon
 * whose readiness is that port, it connects and sends {@code RELEASE}; the holder closes its
 * listening socket, answers {@code RELEASED}, waits for cjcpw to close the connection (so the
 * TIME_WAIT falls on cjcpw's side, not on the port), and exits; then the daemon starts and binds.
 * When no daemon declares the port, cjcpw releases it once all daemons are ready. The holder exits
 * by itself after the port keeper timeout in any case.
 */
final class PortKeeper {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private PortKeeper() {}

  /** Starts a detached holder of {@code port} on {@code address} and returns once it holds it. */
  static void keep(RelocatableAddress address, int port, Duration timeout) throws SiteControlException {
    List<String> cmd = new ArrayList<>();
    cmd.add("setsid");
    cmd.addAll(
        Jvm.command(
            PortHolder.class,
            List.of(address.value(), Integer.toString(port), Long.toString(Math.max(1, timeout.toSeconds())))));
    Process holder;
    try {
      holder =
          new ProcessBuilder(cmd)
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
    } catch (IOException e) {
      throw new SiteControlException.SiteFailed("cannot start the port holder: " + e.getMessage(), e);
    }
    CompletableFuture<String> first =
        CompletableFuture.supplyAsync(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
                String line = r.readLine();
                return line == null ? "FAILED the holder exited without binding the port" : line;
              } catch (IOException e) {
                return "FAILED " + e.getMessage();
              }
            });
    String line;
    try {
      line = first.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      holder.destroyForcibly();
      throw new SiteControlException.SiteFailed(
          "the port holder did not report within " + START_TIMEOUT.toSeconds() + " s", e);
    }
    if (!line.startsWith("BOUND")) {
      throw new SiteControlException.SiteFailed(
          "cannot hold port " + port + " on " + address + ": " + line.replaceFirst("^FAILED ", ""));
    }
  }

  /**
   * Asks a holder listening on {@code address:port} to let the port go.
   *
   * @return a sentence saying what happened, for the log
   */
  static String release(RelocatableAddress address, int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(InetAddress.getByName(address.value()), port), 1000);
      s.setSoTimeout(5000);
      OutputStream out = s.getOutputStream();
      out.write("RELEASE\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String reply = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
      if ("RELEASED".equals(reply)) {
        return "nqsportkpr released port " + port + " on " + address;
      }
      return "port " + port + " on " + address + " is held by another program, not nqsportkpr; the daemon that needs it may fail to bind";
    } catch (java.net.ConnectException free) {
      return "";
    } catch (IOException e) {
      return "port " + port + " on " + address + ": " + e.getMessage();
    }
  }

  /** Whether something accepts connections on {@code address:port}. */
  static boolean accepting(RelocatableAddress address, int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(InetAddress.getByName(address.value()), port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
