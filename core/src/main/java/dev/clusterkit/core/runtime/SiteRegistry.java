package dev.clusterkit.core.runtime;

import dev.clusterkit.core.site.SiteControlException;
import dev.clusterkit.core.site.SiteStatus;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The cluster sites of this machine: the links named by an address in hex in the spool root
 * (guide 2.5.3, 2.6.1), each pointing to a site database. A link whose database cannot be read
 * (the shared disk is not mounted on this node) is left out.
 */
final class SiteRegistry {
  private SiteRegistry() {}

  /** A site found through its link. */
  record Entry(SiteIdentity identity, SiteDatabase db, Path link, SiteStatus status) {}

  static List<Entry> list(RuntimeSettings settings) throws SiteControlException {
    List<Entry> entries = new ArrayList<>();
    Path spool = settings.spoolRoot();
    if (!Files.isDirectory(spool)) {
      return entries;
    }
    try (DirectoryStream<Path> links = Files.newDirectoryStream(spool, "[0-9A-F][0-9A-F][0-9A-F][0-9A-F][0-9A-F][0-9A-F][0-9A-F][0-9A-F]")) {
      for (Path link : links) {
        if (!Files.isSymbolicLink(link)) {
          continue;
        }
        Path target = Files.readSymbolicLink(link);
        SiteDatabase db = new SiteDatabase(link.resolveSibling(target).normalize());
        SiteIdentity identity;
        try {
          identity = SiteIdentity.read(db.identity());
        } catch (SiteControlException.Refused unreadable) {
          continue;
        }
        entries.add(new Entry(identity, db, link, status(identity, db, link)));
      }
    } catch (IOException e) {
      throw new SiteControlException.Refused("cannot read the spool root " + spool + ": " + e.getMessage(), e);
    }
    entries.sort(Comparator.comparing((Entry e) -> e.identity().name().value()).thenComparing(e -> e.link().toString()));
    return entries;
  }

  static SiteStatus status(SiteIdentity identity, SiteDatabase db, Path link) throws IOException {
    Optional<Long> pid = RunState.readDaemons(db).alive().stream().findFirst().map(d -> d.process().pid());
    boolean supervised = RunState.liveSupervisor(db).isPresent();
    return new SiteStatus(identity.name().value(), pid, db.root().toString(), link.toString(), supervised);
  }

  /** The site named {@code name}; fails naming the sites that exist. */
  static Entry find(RuntimeSettings settings, String name) throws SiteControlException {
    List<Entry> all = list(settings);
    for (Entry e : all) {
      if (e.status().isNamed(name)) {
        return e;
      }
    }
    throw new SiteControlException.UnknownSite(name, all.stream().map(e -> e.status().name()).toList());
  }
}
