package dev.clusterkit.core.runtime;

import dev.clusterkit.core.io.FileTrees;
import dev.clusterkit.core.site.DaemonConfEditor;
import dev.clusterkit.core.site.MachineId;
import dev.clusterkit.core.site.RelocatableAddress;
import dev.clusterkit.core.site.SiteControl.DeleteMode;
import dev.clusterkit.core.site.SiteControlException;
import dev.clusterkit.core.site.SiteName;
import dev.clusterkit.core.site.SiteStatus;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code cjcmksite} (guide 2.3.5) and the deletion of a site (guide 2.6.1). */
final class SiteMaker {
  static final String DEFAULT_DAEMONS =
      """
      # The daemons cjcpw starts for this site, in this order (clusterkit embedded runtime).
      # Format: [name], exec=, arg= (one per line), env=NAME=value, ready=alive MS | ready=port N,
      # await=ready. Variables: ${JAVA} ${CLASSPATH} ${SITE_NAME} ${SITE_ADDRESS} ${SITE_PORT} ${SITE_DB}.
      # The default is a placeholder that holds the NQS port on the site address.
      [nqsdaemon]
      exec=${JAVA}
      arg=-XX:+UseSerialGC
      arg=-XX:TieredStopAtLevel=1
      arg=-Xmx32m
      arg=-cp
      arg=${CLASSPATH}
      arg=dev.clusterkit.core.runtime.PortDaemon
      arg=${SITE_ADDRESS}
      arg=${SITE_PORT}
      ready=port ${SITE_PORT}
      """;

  private SiteMaker() {}

  static SiteStatus create(
      SiteName name,
      MachineId machineId,
      Path dbPath,
      boolean replace,
      RuntimeSettings settings,
      Posix posix,
      PrintStream out)
      throws SiteControlException {
    int umask = posix.umask();
    if ((umask & 0755) != 0) {
      throw new SiteControlException.Refused(
          String.format(
              "umask %04o would mask the permissions 755 the site database needs (guide 2.6.3): run 'umask 022' before cjcmksite",
              umask));
    }
    RelocatableAddress address = resolve(name, settings);
    checkAddressUp(name, address);
    SiteDatabase db = new SiteDatabase(dbPath);
    if (!Files.isDirectory(dbPath)) {
      throw new SiteControlException.Refused(
          "site database folder " + dbPath + " does not exist: mount the shared disk (or create the folder) first");
    }
    if (Files.exists(db.nqs()) && !replace) {
      String owner = "";
      try {
        owner = " of site " + SiteIdentity.read(db.identity()).name();
      } catch (SiteControlException.Refused unreadable) {
        // Not ours: say only that it is there.
      }
      throw new SiteControlException.Refused(
          dbPath + " already holds a site database" + owner + " (" + db.nqs()
              + " exists): delete it first (guide 2.6.1) or ask to replace it");
    }
    Path link = settings.spoolRoot().resolve(address.linkName());
    Optional<Path> existingTarget = linkTarget(link);
    if (Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)
        && !existingTarget.map(t -> t.equals(dbPath.normalize())).orElse(false)
        && !replace) {
      throw new SiteControlException.Refused(
          link + " already exists" + existingTarget.map(t -> " and points to " + t).orElse("")
              + ": another site uses address " + address + "; delete that site first (guide 2.6.1)");
    }
    try {
      if (replace && Files.exists(db.run()) && RunState.liveSupervisor(db).isPresent()) {
        throw new SiteControlException.AlreadyRunning("site database " + dbPath + " is in use by a running cjcpw: stop the site first");
      }
      out.println("Phase 1: Make NQS spool directories.");
      for (Path dir : List.of(db.nqs(), db.etc(), db.spool(), db.log(), db.run())) {
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
      }
      out.println("Phase 2: Write the site identity to " + db.identity() + ".");
      AtomicFile.write(db.identity(), new SiteIdentity(name, machineId, address).write());
      out.println("Phase 3: Set ipaddress=" + address + " in " + db.daemonConf() + ".");
      String existing = Files.exists(db.daemonConf()) ? Files.readString(db.daemonConf()) : "";
      AtomicFile.write(db.daemonConf(), DaemonConfEditor.apply(existing, Map.of("ipaddress", address.value())));
      if (!Files.exists(db.daemons())) {
        AtomicFile.write(db.daemons(), DEFAULT_DAEMONS);
      }
      if (!Files.exists(db.queues())) {
        AtomicFile.write(db.queues(), "# QUEUE RESTART|PURGE|STOP|MIGRATION_PURGE|MIGRATION_STOP\n");
      }
      if (!Files.exists(db.jobs())) {
        AtomicFile.write(db.jobs(), JobSpool.writeJobs(List.of()));
      }
      out.println("Phase 4: Link " + link + " to " + dbPath + ".");
      link(link, dbPath, settings);
      out.println("cjcmksite Complete");
      return SiteRegistry.status(new SiteIdentity(name, machineId, address), db, link);
    } catch (IOException e) {
      throw new SiteControlException.Refused("cannot create the site database in " + dbPath + ": " + e.getMessage(), e);
    }
  }

  /** Makes {@code link} point to {@code dbPath}, replacing a different link. */
  static void link(Path link, Path dbPath, RuntimeSettings settings) throws IOException {
    Files.createDirectories(settings.spoolRoot());
    if (linkTarget(link).map(t -> t.equals(dbPath.normalize())).orElse(false)) {
      return;
    }
    Path tmp = link.resolveSibling("." + link.getFileName() + ".new");
    Files.deleteIfExists(tmp);
    Files.createSymbolicLink(tmp, dbPath);
    Files.move(tmp, link, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  static Optional<Path> linkTarget(Path link) {
    try {
      return Optional.of(link.resolveSibling(Files.readSymbolicLink(link)).normalize());
    } catch (NoSuchFileException | java.nio.file.NotLinkException e) {
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  static RelocatableAddress resolve(SiteName name, RuntimeSettings settings) throws SiteControlException {
    HostResolver resolver = new HostResolver(settings.hostsFile());
    String via = settings.hostsFile().map(f -> "hosts file " + f).orElse("the system resolver");
    try {
      RelocatableAddress address =
          resolver.addressOf(name.value())
              .orElseThrow(() -> new SiteControlException.Refused(
                  "site name " + name + " does not resolve to an IPv4 address through " + via
                      + ": the site name needs forward and reverse lookups (guide 2.3.3)"));
      Optional<String> back = resolver.nameOf(address);
      if (back.isEmpty()) {
        throw new SiteControlException.Refused(
            "address " + address + " of site " + name + " has no reverse lookup through " + via + " (guide 2.3.3)");
      }
      if (!HostResolver.sameName(back.get(), name.value())) {
        throw new SiteControlException.Refused(
            "site name " + name + " is an alias: its address " + address + " resolves back to " + back.get()
                + "; give that name (guide 2.3.5)");
      }
      return address;
    } catch (IOException e) {
      throw new SiteControlException.Refused("cannot resolve site name " + name + " through " + via + ": " + e.getMessage(), e);
    }
  }

  private static void checkAddressUp(SiteName name, RelocatableAddress address) throws SiteControlException {
    try (ServerSocket probe = new ServerSocket()) {
      probe.bind(new InetSocketAddress(InetAddress.getByName(address.value()), 0));
    } catch (IOException e) {
      throw new SiteControlException.Refused(
          "relocatable address " + address + " of site " + name + " is not up on this machine (" + e.getMessage()
              + "): activate it before cjcmksite (guide 2.3.5)");
    }
  }

  static void delete(SiteRegistry.Entry site, DeleteMode mode, PrintStream out) throws SiteControlException {
    if (site.status().supervised() || site.status().daemonsRunning()) {
      throw new SiteControlException.AlreadyRunning(
          "site " + site.status().name() + " is running: stop it (cjcpw -stop " + site.status().name() + ") before deleting it");
    }
    try {
      Files.delete(site.link());
      out.println("removed the link " + site.link());
      if (mode == DeleteMode.DELETE) {
        // Keep the folder itself: it is usually the shared disk's mount point.
        FileTrees.deleteContents(site.db().root());
        out.println("removed everything in " + site.db().root());
      } else {
        out.println("kept the site database in " + site.db().root());
      }
    } catch (IOException e) {
      throw new SiteControlException.Refused("cannot delete site " + site.status().name() + ": " + e.getMessage(), e);
    }
  }
}
