package dev.clusterkit.core.site;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The cluster-relevant settings of a daemon.conf (guide 2.3.6, 2.5.5): whether the local site runs
 * beside cluster sites ({@code local_daemon}), the address a site listens on ({@code ipaddress})
 * and maintenance mode ({@code maintenance=ON}: cjcpw starts alone, without the daemons).
 */
public record DaemonConf(
    Optional<LocalDaemon> localDaemon, Optional<RelocatableAddress> ipAddress, boolean maintenance) {

  /** The values of {@code local_daemon}. */
  public enum LocalDaemon {
    /** The local site may run at the same time as cluster sites. */
    SITE,
    /** The local site does not start when the OS boots. */
    OFF
  }

  public static final DaemonConf EMPTY = new DaemonConf(Optional.empty(), Optional.empty(), false);

  /** The settings of the node-wide daemon.conf ({@code <install>/rc/daemon.conf}). */
  public static DaemonConf common(LocalDaemon localDaemon) {
    return new DaemonConf(Optional.of(localDaemon), Optional.empty(), false);
  }

  /** The settings of a cluster site's own daemon.conf: it listens on the relocatable address. */
  public static DaemonConf forSite(RelocatableAddress address) {
    return new DaemonConf(Optional.empty(), Optional.of(address), false);
  }

  /** The settings as key/value pairs in file order, for {@link DaemonConfEditor}. */
  public Map<String, String> settings() {
    Map<String, String> s = new LinkedHashMap<>();
    localDaemon.ifPresent(l -> s.put(DaemonConfParser.LOCAL_DAEMON, l.name()));
    ipAddress.ifPresent(a -> s.put(DaemonConfParser.IPADDRESS, a.value()));
    if (maintenance) {
      s.put(DaemonConfParser.MAINTENANCE, "ON");
    }
    return s;
  }

  /** A fresh file holding just these settings. */
  public String write() {
    return DaemonConfEditor.apply("", settings());
  }
}
