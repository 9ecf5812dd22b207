package dev.clusterkit.core.runtime;

import dev.clusterkit.core.site.SiteControlException;
import dev.clusterkit.core.site.SiteStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The training run of {@link ClassArchive}: in a folder of its own, runs every JobCenter command
 * the shims offer, as the shims run them, so the JVM that dumps the archive at exit has loaded what
 * they load: cjcmksite, nqsportkpr, cjcpw (watched) with the placeholder daemon, cjcls, nqsstop,
 * nqsstart, cjcpw -stop, cjcpw -c and site-delete.
 */
public final class ClassArchiveTraining {
  private static final String SITE = "training.clusterkit.invalid";
  private static final long WAIT_MS = 60_000;

  private ClassArchiveTraining() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: ClassArchiveTraining WORKDIR");
      System.exit(2);
    }
    Path work = Path.of(args[0]);
    Path db = Files.createDirectories(work.resolve("db"));
    Path hosts = work.resolve("hosts");
    Files.writeString(hosts, "127.0.0.1 " + SITE + "\n");
    RuntimeSettings settings =
        RuntimeSettings.fromEnvironment(
            Map.of(
                "CLUSTERKIT_SPOOL_ROOT", work.resolve("spool").toString(),
                "CLUSTERKIT_HOSTS_FILE", hosts.toString(),
                "CLUSTERKIT_HOSTNAME", "trainingnode.clusterkit.invalid",
                "CLUSTERKIT_NQS_PORT", Integer.toString(freePort()),
                "CLUSTERKIT_PORTKEEPER_TIMEOUT", "30"));
    PrintStream out = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
    EmbeddedSiteControl control = new EmbeddedSiteControl(settings, out);
    Posix.system().preload();
    run(control, out, "cjcmksite", SITE, "1", db.toString());
    run(control, out, "nqsportkpr", "127.0.0.1");
    AtomicInteger watched = new AtomicInteger(-1);
    Thread cjcpw = new Thread(() -> watched.set(JobCenterCommands.run("cjcpw", new String[] {SITE, db.toString()}, control, out, out)));
    cjcpw.start();
    awaitRunning(control, true);
    run(control, out, "cjcls");
    run(control, out, "cjcls", "--json");
    run(control, out, "nqsstop", SITE);
    run(control, out, "nqsstart", SITE);
    run(control, out, "cjcpw", "-stop", SITE);
    cjcpw.join(WAIT_MS);
    if (watched.get() != 0) {
      throw new IllegalStateException("the training site's cjcpw exited with " + watched.get());
    }
    run(control, out, "cjcpw", "-c", SITE, db.toString());
    awaitRunning(control, false);
    run(control, out, "cjcpw", "-stop", SITE);
    run(control, out, "site-delete", "--delete", SITE);
    System.exit(0);
  }

  private static void run(EmbeddedSiteControl control, PrintStream out, String command, String... args) {
    int code = JobCenterCommands.run(command, args, control, out, out);
    if (code != 0) {
      throw new IllegalStateException("training: " + command + " " + String.join(" ", args) + " exited with " + code);
    }
  }

  /** Waits until cjcls shows the site's daemon running, and cjcpw watching it when asked. */
  private static void awaitRunning(EmbeddedSiteControl control, boolean watched) throws SiteControlException, InterruptedException {
    long deadline = System.currentTimeMillis() + WAIT_MS;
    while (System.currentTimeMillis() < deadline) {
      for (SiteStatus s : control.list()) {
        if (s.isNamed(SITE) && s.daemonsRunning() && s.supervised() == watched) {
          return;
        }
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException("the training site did not come up within " + WAIT_MS + " ms");
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      return s.getLocalPort();
    }
  }
}
