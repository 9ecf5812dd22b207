package dev.clusterkit.it.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The specs of the matrix: the guide's examples as the adapters and {@code examples/} hold them,
 * and specs made here that cross every platform with every target serving it, two sites per
 * cluster (one watched, one not; the port keeper on for one and off for the other, both ways
 * round), and names, numbers and paths at the edges of what the spec accepts.
 */
final class MatrixSpecs {
  /** A spec: a name for reports and its YAML. */
  record Spec(String name, String yaml) {
    Path writeTo(Path dir) {
      try {
        Path file = dir.resolve(name + ".yaml");
        Files.createDirectories(dir);
        Files.writeString(file, yaml);
        return file;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * One platform with the targets serving it and the settings each needs ({@code siteTargets} is
   * formatted with the site's subnet, its index, an MSFC pending timeout and its mount point).
   * {@code maxBoot} and {@code maxStop} are the longest BOOT_TIMEOUT and STOP_TIMEOUT all its
   * targets accept; {@code portKeeper} whether they all can run nqsportkpr (GDS cannot).
   */
  private record Platform(
      String id, String clusterTargets, String siteTargets, long maxBoot, long maxStop, boolean portKeeper,
      boolean watchedOnly) {
    Platform(String id, String clusterTargets, String siteTargets, long maxBoot, long maxStop, boolean portKeeper) {
      this(id, clusterTargets, siteTargets, maxBoot, maxStop, portKeeper, false);
    }
  }

  /** Serviceguard's longest service_halt_timeout, which must cover STOP_TIMEOUT. */
  private static final long SG_MAX_HALT = 4294;

  /** MSFC's PendingTimeout is kept in milliseconds in a 32-bit value. */
  private static final long MSFC_MAX_PENDING = Integer.MAX_VALUE / 1000;

  /** HAStoragePlus mounts a folder holding the database; FilesystemMountPoints is a comma list. */
  private static final String SC_SITE = "    suncluster:\n      mountPoint: %4$s\n";

  private static final List<Platform> PLATFORMS =
      List.of(
          new Platform(
              "linux",
              """
                clusterpro-linux: {}
                serviceguard: {}
              """,
              """
                      serviceguard:
                        ipSubnet: %1$s
                        vg: vg%2$d
                        fsName: /dev/vg%2$d/lvol1
                        fsType: ext4
                  """,
              Integer.MAX_VALUE,
              SG_MAX_HALT,
              true),
          // Pacemaker's agent needs the watched cjcpw, so every site of this variant is watched.
          new Platform(
              "linux",
              """
                clusterpro-linux: {}
                pacemaker: {}
                serviceguard: {}
              """,
              """
                      serviceguard:
                        ipSubnet: %1$s
                        vg: vg%2$d
                        fsName: /dev/vg%2$d/lvol1
                        fsType: ext4
                  """,
              Integer.MAX_VALUE,
              SG_MAX_HALT,
              true,
              true),
          new Platform(
              "hpux",
              """
                serviceguard:
                  packageStyle: both
              """,
              """
                      serviceguard:
                        ipSubnet: %1$s
                        vg: vg%2$d
                        fsName: /dev/vg%2$d/lvol1
                  """,
              Integer.MAX_VALUE,
              SG_MAX_HALT,
              true),
          // GDS: Start_timeout = BOOT_TIMEOUT + 60 and Stop_timeout = (STOP_TIMEOUT + 60) / 80%, at most a day.
          new Platform("solaris", "  suncluster:\n    release: both\n", SC_SITE, 86_340, 69_060, false),
          // Sun Cluster 2.2: the takeover timeout 2 * (STOP_TIMEOUT + 60) + 1 in 32 bits.
          new Platform("solaris", "  suncluster:\n    release: \"2.2\"\n", SC_SITE, Integer.MAX_VALUE, 1_073_741_763, true),
          new Platform(
              "windows",
              """
                clusterpro-windows:
                  product: x
                  adminAccount: Job-Admin
                msfc:
                  windowsServer: "2019"
              """,
              """
                  msfc:
                    resource: JobCenter site %2$d
                    disk: Cluster Disk %2$d
                    pendingTimeout: %3$d
              """,
              MSFC_MAX_PENDING - 1,
              MSFC_MAX_PENDING - 1,
              true),
          new Platform(
              "windows",
              """
                clusterpro-windows:
                  product: arm
                  adminAccount: 'DOMAIN\\jcadmin'
                msfc:
                  windowsServer: "2008"
              """,
              """
                  msfc:
                    resource: JobCenter site %2$d
                    disk: Cluster Disk %2$d
                    pendingTimeout: %3$d
              """,
              MSFC_MAX_PENDING - 1,
              MSFC_MAX_PENDING - 1,
              true));

  private MatrixSpecs() {}

  /** Every spec of the matrix. */
  static List<Spec> all(Path repoRoot) {
    List<Spec> specs = new ArrayList<>(guideExamples(repoRoot));
    specs.addAll(generated());
    return specs;
  }

  /** The guide's examples and the adapters' own two-site specs, read where they live. */
  static List<Spec> guideExamples(Path repoRoot) {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> examples = Files.list(repoRoot.resolve("examples"));
        Stream<Path> modules = Files.list(repoRoot)) {
      examples.filter(p -> p.toString().endsWith(".yaml")).forEach(files::add);
      for (Path module : modules.filter(p -> p.getFileName().toString().startsWith("adapter-")).sorted().toList()) {
        Path dir = module.resolve("src/test/resources/specs");
        if (Files.isDirectory(dir)) {
          try (Stream<Path> specs = Files.list(dir)) {
            specs.filter(p -> p.toString().endsWith(".yaml")).forEach(files::add);
          }
        }
      }
      List<Spec> specs = new ArrayList<>();
      for (Path f : files.stream().sorted().toList()) {
        String owner = repoRoot.relativize(f).getName(0).toString();
        String base = f.getFileName().toString().replaceFirst("\\.yaml$", "");
        specs.add(new Spec(owner + "--" + base, Files.readString(f)));
      }
      if (specs.size() < 10) {
        throw new IllegalStateException("found only " + specs.size() + " example specs under " + repoRoot + ": wrong repository root?");
      }
      return specs;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every platform and its targets, with the site variants and the edges. */
  static List<Spec> generated() {
    List<Spec> specs = new ArrayList<>();
    for (int i = 0; i < PLATFORMS.size(); i++) {
      Platform p = PLATFORMS.get(i);
      String tag = p.id + "-" + i;
      if (p.portKeeper) {
        // Both sites together cover the four combinations of watched and port keeper.
        specs.add(typical(p, tag + "-keeper-on-watched", true, false));
        specs.add(typical(p, tag + "-keeper-on-unwatched", false, true));
      } else {
        specs.add(typical(p, tag + "-no-keeper", false, false));
      }
      specs.add(edges(p, tag + "-edges"));
    }
    return specs;
  }

  /** site.conf timing, in seconds. */
  private record Timing(long boot, long stop, long forceKill) {
    static final Timing DEFAULT = new Timing(180, 180, 10);
  }

  private static Spec typical(Platform p, String name, boolean keeperOnWatched, boolean keeperOnUnwatched) {
    boolean windows = p.id.equals("windows");
    String db1 = windows ? "'X:\\Jobdb1'" : "/mnt/jobdb1";
    String db2 = windows ? "'Y:\\JobCenter\\site two'" : "/mnt/shared/two/jobdb";
    StringBuilder y = header(name, p, windows ? "'C:\\JobCenter\\SV'" : "/usr/lib/nqs");
    y.append("sites:\n");
    site(y, p, "jcsite1.cluster.example.com", 201, db1, "192.168.10.51", "192.168.10.0", 1, true, keeperOnWatched, Timing.DEFAULT);
    site(y, p, "jcsite2.cluster.example.com", 202, db2, "192.168.10.52", "192.168.10.0", 2, p.watchedOnly, keeperOnUnwatched,
        new Timing(300, 240, 20));
    y.append("targets:\n").append(p.clusterTargets);
    return new Spec(name, y.toString());
  }

  /**
   * The longest and shortest names the spec accepts, the largest and smallest numbers, and paths
   * made of every character a path may hold.
   */
  private static Spec edges(Platform p, String name) {
    boolean windows = p.id.equals("windows");
    String longName = label('a', 63) + "." + label('b', 63) + "." + label('c', 63) + "." + label('d', 61);
    String db1 = windows ? "'Z:\\a b (c)\\d+e@f=g.h_i-k\\(x) y'" : "/a+b@c%d:e=f/g.h_i-k,l/x";
    String db2 = windows ? "'Q:\\d'" : "/d";
    String root = windows ? "'C:\\Program Files (x86)\\Job+Center@1,2=3\\SV'" : "/o%p+t@j,c:x/lib-1.2_3";
    StringBuilder y = header(name, p, root);
    y.append("sites:\n");
    site(y, p, longName, Integer.MAX_VALUE, db1, "223.255.255.254", "223.255.255.0", 1, true, p.portKeeper,
        new Timing(30, 30, 29));
    site(y, p, "a.b", 1, db2, "1.0.0.1", "1.0.0.0", 2, p.watchedOnly, false, new Timing(p.maxBoot, p.maxStop, 1));
    y.append("targets:\n").append(p.clusterTargets);
    return new Spec(name, y.toString());
  }

  /** A host-name label of {@code length} characters with inner hyphens and digits. */
  private static String label(char c, int length) {
    StringBuilder s = new StringBuilder().append(c);
    while (s.length() < length - 1) {
      s.append(s.length() % 7 == 0 ? '-' : s.length() % 5 == 0 ? (char) ('0' + s.length() % 10) : c);
    }
    return s.append('z').toString();
  }

  private static StringBuilder header(String name, Platform p, String installRoot) {
    StringBuilder y = new StringBuilder();
    y.append("# clusterkit it-tests matrix spec ").append(name).append('\n');
    y.append("apiVersion: clusterkit/v1\nkind: Cluster\n");
    y.append("name: ").append(name.replaceAll("[^a-z0-9-]", "-")).append('\n');
    y.append("platform: ").append(p.id).append('\n');
    y.append("installRoot: ").append(installRoot).append('\n');
    y.append("nodes:\n  - name: node1.cluster.example.com\n    localMachineId: 101\n");
    y.append("  - name: node2.cluster.example.com\n    localMachineId: 102\n");
    return y;
  }

  private static void site(
      StringBuilder y,
      Platform p,
      String name,
      int machineId,
      String database,
      String address,
      String subnet,
      int index,
      boolean watched,
      boolean portKeeper,
      Timing timing) {
    y.append("  - name: ").append(name).append('\n');
    y.append("    machineId: ").append(machineId).append('\n');
    y.append("    database: ").append(database).append('\n');
    y.append("    address: ").append(address).append('\n');
    y.append("    watched: ").append(watched).append('\n');
    y.append("    portKeeper: ").append(portKeeper).append('\n');
    if (!timing.equals(Timing.DEFAULT)) {
      y.append("    siteConf:\n");
      y.append("      bootTimeout: ").append(timing.boot).append('\n');
      y.append("      stopTimeout: ").append(timing.stop).append('\n');
      y.append("      forceKillTime: ").append(timing.forceKill).append('\n');
    }
    if (!p.siteTargets.isEmpty()) {
      // MSFC's pending timeout must exceed BOOT_TIMEOUT and STOP_TIMEOUT; it is at most 2147483 s.
      long pending = Math.min(Math.max(300, Math.max(timing.boot, timing.stop) + 60), MSFC_MAX_PENDING);
      String mountPoint = database.contains(",") ? database.substring(0, database.indexOf('/', 1)) : database;
      y.append("    targets:\n").append(String.format(p.siteTargets, subnet, index, pending, mountPoint).indent(2));
    }
  }
}
