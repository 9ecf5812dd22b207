package dev.clusterkit.core.runtime;

import static dev.clusterkit.core.runtime.SiteFixture.SITE1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterkit.core.site.RelocatableAddress;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** nqsportkpr: the port is held, handed to the site's daemon, and never held past the timeout. */
class PortKeeperTest {
  @TempDir Path tmp;
  SiteFixture fx;
  RelocatableAddress address = new RelocatableAddress(SiteFixture.ADDRESS1);

  @BeforeEach
  void setUp() throws Exception {
    fx = new SiteFixture(tmp);
  }

  @AfterEach
  void tearDown() throws Exception {
    fx.close();
  }

  @Test
  void theHeldPortIsHandedToTheSitesDaemonWhenItStarts() throws Exception {
    Path db = tmp.resolve("jobdb");
    Files.createDirectories(db);
    assertEquals(0, fx.run("cjcmksite", SITE1, "200", db.toString()).exitCode());

    SiteFixture.Result keep = fx.run("nqsportkpr", SITE1);

    assertEquals(0, keep.exitCode(), keep.describe());
    assertTrue(keep.stdout().contains("holding port " + fx.port + " on 127.0.0.2"), keep.stdout());
    assertThrows(IOException.class, () -> bind(fx.port), "nobody else can bind the port now");
    SiteFixture.Watched cjcpw = fx.startWatched(SITE1, db);
    cjcpw.await("all 1 daemons are ready");
    assertTrue(cjcpw.output().contains("nqsportkpr released port " + fx.port + " on 127.0.0.2"), cjcpw.output());
    int released = cjcpw.output().indexOf("nqsportkpr released");
    int started = cjcpw.output().indexOf("started daemon nqsdaemon");
    assertTrue(released < started, "released before the daemon started:\n" + cjcpw.output());
    assertTrue(PortKeeper.accepting(address, fx.port), "the daemon has the port");
    assertEquals(0, fx.run("cjcpw", "-stop", SITE1).exitCode());
    assertEquals(0, cjcpw.awaitExit());
  }

  @Test
  void theHolderGivesThePortUpAfterItsTimeout() throws Exception {
    fx.env.put("CLUSTERKIT_PORTKEEPER_TIMEOUT", "1");
    long start = System.nanoTime();
    assertEquals(0, fx.run("nqsportkpr", SiteFixture.ADDRESS1).exitCode());
    assertThrows(IOException.class, () -> bind(fx.port));
    long deadline = start + 30_000_000_000L;
    while (true) {
      try {
        bind(fx.port).close();
        break;
      } catch (IOException held) {
        assertTrue(System.nanoTime() < deadline, "the holder outlived its timeout");
        Thread.sleep(50);
      }
    }
    assertTrue(System.nanoTime() - start >= 1_000_000_000L, "held for the timeout");
  }

  @Test
  void aPortAlreadyTakenIsReported() throws Exception {
    ServerSocket taken = bind(fx.port);
    try {
      SiteFixture.Result r = fx.run("nqsportkpr", SiteFixture.ADDRESS1);
      assertEquals(1, r.exitCode(), r.describe());
      assertTrue(r.stderr().contains("cannot hold port " + fx.port + " on 127.0.0.2"), r.describe());
    } finally {
      taken.close();
    }
  }

  private ServerSocket bind(int port) throws IOException {
    ServerSocket s = new ServerSocket();
    try {
      s.bind(new InetSocketAddress(InetAddress.getByName(SiteFixture.ADDRESS1), port));
      return s;
    } catch (IOException e) {
      s.close();
      throw e;
    }
  }
}
