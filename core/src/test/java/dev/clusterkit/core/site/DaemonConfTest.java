package dev.clusterkit.core.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterkit.core.lint.SourceFile;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DaemonConfTest {
  private static final RelocatableAddress ADDRESS = new RelocatableAddress("192.168.1.100");

  @Test
  void commonFileSetsLocalDaemon() {
    DaemonConf conf = DaemonConf.common(DaemonConf.LocalDaemon.SITE);
    assertEquals(Map.of("local_daemon", "SITE"), conf.settings());
    assertEquals("local_daemon=SITE\n", conf.write());
  }

  @Test
  void siteFileSetsIpAddress() {
    DaemonConf conf = DaemonConf.forSite(ADDRESS);
    assertEquals("ipaddress=192.168.1.100\n", conf.write());
  }

  @Test
  void settingsComeInFileOrder() {
    DaemonConf conf = new DaemonConf(Optional.of(DaemonConf.LocalDaemon.OFF), Optional.of(ADDRESS), true);
    assertEquals(List.of("local_daemon", "ipaddress", "maintenance"), List.copyOf(conf.settings().keySet()));
    assertEquals("local_daemon=OFF\nipaddress=192.168.1.100\nmaintenance=ON\n", conf.write());
  }

  @Test
  void emptyWritesNothing() {
    assertEquals("", DaemonConf.EMPTY.write());
  }

  @Test
  void writeThenParseRoundTrips() {
    for (DaemonConf conf :
        List.of(
            DaemonConf.EMPTY,
            DaemonConf.common(DaemonConf.LocalDaemon.OFF),
            DaemonConf.forSite(ADDRESS),
            new DaemonConf(Optional.of(DaemonConf.LocalDaemon.SITE), Optional.of(ADDRESS), true))) {
      assertEquals(conf, DaemonConfParser.parse(new SourceFile("daemon.conf", conf.write())).value());
    }
  }
}
