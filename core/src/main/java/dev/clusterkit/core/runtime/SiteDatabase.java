package dev.clusterkit.core.runtime;

import java.nio.file.Path;

/**
 * The layout of an embedded site database. {@code nqs/daemon.conf} and {@code etc/site.conf} are
 * where the guide puts them (2.3.6, 2.1.5); the rest is ours:
 *
 * <pre>
 * DBPATH/etc/site.conf          BOOT_TIMEOUT, STOP_TIMEOUT, FORCEKILL_TIME (optional)
 * DBPATH/nqs/site.id            name, machine ID, address (cjcmksite)
 * DBPATH/nqs/daemon.conf        ipaddress=..., maintenance=ON
 * DBPATH/nqs/daemons.conf       the daemons cjcpw starts, in order (see DaemonListParser)
 * DBPATH/nqs/spool/queues       queue name and restart attribute, one per line
 * DBPATH/nqs/spool/jobs         job id, queue, restart setting, state, one per line
 * DBPATH/nqs/log/               cjcpw.log and one NAME.log per daemon
 * DBPATH/nqs/run/cjcpw.lock     held by the running supervisor
 * DBPATH/nqs/run/cjcpw.sock     the supervisor's control socket
 * DBPATH/nqs/run/cjcpw.pid      the supervisor's PID and start time
 * DBPATH/nqs/run/daemons.state  PID and start time of every daemon started
 * </pre>
 */
record SiteDatabase(Path root) {
  Path nqs() {
    return root.resolve("nqs");
  }

  Path etc() {
    return root.resolve("etc");
  }

  Path identity() {
    return nqs().resolve("site.id");
  }

  Path daemonConf() {
    return nqs().resolve("daemon.conf");
  }

  Path daemons() {
    return nqs().resolve("daemons.conf");
  }

  Path siteConf() {
    return etc().resolve("site.conf");
  }

  Path spool() {
    return nqs().resolve("spool");
  }

  Path queues() {
    return spool().resolve("queues");
  }

  Path jobs() {
    return spool().resolve("jobs");
  }

  Path log() {
    return nqs().resolve("log");
  }

  Path supervisorLog() {
    return log().resolve("cjcpw.log");
  }

  Path run() {
    return nqs().resolve("run");
  }

  Path lock() {
    return run().resolve("cjcpw.lock");
  }

  Path socket() {
    return run().resolve("cjcpw.sock");
  }

  Path supervisorRecord() {
    return run().resolve("cjcpw.pid");
  }

  Path daemonsState() {
    return run().resolve("daemons.state");
  }
}
