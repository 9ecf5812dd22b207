package dev.clusterkit.core.lint.deploy;

import dev.clusterkit.core.lint.Finding;
import dev.clusterkit.core.lint.Location;
import dev.clusterkit.core.lint.Rule;
import dev.clusterkit.core.lint.SourceFile;
import dev.clusterkit.core.lint.deploy.SiteMention.Fact;
import dev.clusterkit.core.site.DaemonConfParser;
import dev.clusterkit.core.site.MachineId;
import dev.clusterkit.core.site.RelocatableAddress;
import dev.clusterkit.core.site.SiteConf;
import dev.clusterkit.core.site.SiteConfParser;
import dev.clusterkit.core.spec.ClusterSpec;
import dev.clusterkit.core.spec.NodeSpec;
import dev.clusterkit.core.spec.SiteSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Checks a deployment as a whole: that the files of each site agree on its identity, that sites do
 * not share machine IDs, that daemon.conf and site.conf fit the sites, and, when a spec is among
 * the files, that the files are what the spec describes.
 *
 * <p>A site's files are those under the nearest folder named after the site (the layout of
 * {@code render} and of bundles: {@code <target>/<site>/...}, {@code sites/<site>/...}); a file
 * elsewhere is checked on its own, its commands against its own header.
 */
public final class DeploymentLinter {
  private static final Pattern LOCAL_DAEMON_KEY = Pattern.compile("(?m)^\\s*local_daemon\\s*=");

  private DeploymentLinter() {}

  /** Whether core takes a file for clusterkit's notes or a bundle manifest (kinds with no rules of their own). */
  public static boolean recognizes(SourceFile file) {
    String name = file.fileName();
    if (name.equals("manifest.json")) {
      return file.text().contains("\"clusterkit\"") && file.text().contains("\"files\"");
    }
    return (name.endsWith(".txt") || name.endsWith(".md")) && file.text().contains("clusterkit");
  }

  /**
   * The cross-file findings.
   *
   * @param files every file that was linted
   * @param spec the spec among them that loaded, with its path, if exactly one did
   * @param existing the findings of the per-file linters: a cross-file finding on a line they
   *     already report is left out
   */
  public static List<Finding> lint(List<SourceFile> files, Optional<LoadedSpec> spec, List<Finding> existing) {
    Context ctx = new Context(files, spec);
    List<Finding> found = new ArrayList<>();
    ctx.groups.values().forEach(g -> withinSite(g, found));
    acrossSites(ctx, found);
    spec.ifPresent(s -> againstSpec(ctx, s, found));
    daemonConfs(ctx, found);
    siteConfs(ctx, found);
    Set<String> taken = new HashSet<>();
    for (Finding f : existing) {
      if (f.location().line() > 0) {
        taken.add(f.location().file() + ":" + f.location().line());
      }
    }
    return found.stream()
        .filter(f -> f.location().line() == 0 || !taken.contains(f.location().file() + ":" + f.location().line()))
        .distinct()
        .toList();
  }

  /** A spec that loaded, and the file it came from. */
  public record LoadedSpec(ClusterSpec spec, String path) {}

  /** The files of one site (or one folder), and what they say about it. */
  private record Group(String key, Optional<String> site, List<SiteMention> mentions) {
    List<SiteMention> of(Fact fact) {
      return mentions.stream().filter(m -> m.fact() == fact).toList();
    }

    /** The value most mentions agree on (the first of equals), and its first mention. */
    Optional<SiteMention> consensus(Fact fact) {
      Map<String, List<SiteMention>> byValue = new LinkedHashMap<>();
      for (SiteMention m : of(fact)) {
        byValue.computeIfAbsent(normal(fact, m.value()), k -> new ArrayList<>()).add(m);
      }
      return byValue.values().stream().max(Comparator.comparingInt(List::size)).map(l -> l.get(0));
    }
  }

  private static final class Context {
    final List<SourceFile> files;
    final Optional<LoadedSpec> spec;
    final Set<String> siteNames = new HashSet<>();
    final Map<String, Group> groups = new TreeMap<>();
    final Map<String, String> groupOfFile = new LinkedHashMap<>();

    Context(List<SourceFile> files, Optional<LoadedSpec> spec) {
      this.files = files;
      this.spec = spec;
      Map<String, List<SiteMention>> mentions = new LinkedHashMap<>();
      List<List<SiteMention>> scanned =
          files.parallelStream().map(f -> scannable(f) ? MentionScanner.scan(f) : List.<SiteMention>of()).toList();
      for (int i = 0; i < files.size(); i++) {
        mentions.put(files.get(i).path(), scanned.get(i));
        scanned.get(i).stream().filter(m -> m.fact() == Fact.SITE).forEach(m -> siteNames.add(lower(m.value())));
      }
      spec.ifPresent(s -> s.spec().sites().forEach(site -> siteNames.add(lower(site.site().name().value()))));
      for (SourceFile f : files) {
        String[] key = siteFolder(f.path());
        groupOfFile.put(f.path(), key[0]);
        Group g = groups.computeIfAbsent(key[0],
            k -> new Group(k, Optional.ofNullable(key[1]), new ArrayList<>()));
        g.mentions().addAll(mentions.get(f.path()));
      }
    }

    /**
     * The key of the file's site folder and the site it is named after; outside a folder named
     * after a site, the file stands alone (key: its path, site: null), since a plain folder may hold
     * the files of several sites.
     */
    String[] siteFolder(String path) {
      List<String> parts = segments(path);
      for (int i = parts.size() - 2; i >= 0; i--) {
        if (siteNames.contains(lower(parts.get(i)))) {
          return new String[] {String.join("/", parts.subList(0, i + 1)), parts.get(i)};
        }
      }
      return new String[] {path, null};
    }

    private List<String[]> databases;

    /** Each database path some file or the spec gives a site (lower case, '/'), with the site. */
    List<String[]> databases() {
      if (databases == null) {
        databases = new ArrayList<>();
        for (Group g : groups.values()) {
          Optional<SiteMention> site = g.consensus(Fact.SITE);
          for (SiteMention db : site.isPresent() ? g.of(Fact.DATABASE) : List.<SiteMention>of()) {
            String base = lower(String.join("/", segments(db.value())));
            if (!base.isEmpty()) {
              databases.add(new String[] {base, site.get().value()});
            }
          }
        }
        for (SiteSpec s : spec.map(l -> l.spec().sites()).orElse(List.of())) {
          databases.add(new String[] {lower(String.join("/", segments(s.site().database().value()))),
              s.site().name().value()});
        }
      }
      return databases;
    }

    Optional<SiteSpec> specSite(String name) {
      return spec.flatMap(l -> l.spec().sites().stream()
          .filter(s -> lower(s.site().name().value()).equals(lower(name))).findFirst());
    }

    Optional<String> siteOf(SourceFile f) {
      return groups.get(groupOfFile.get(f.path())).site();
    }
  }

  private static boolean scannable(SourceFile f) {
    String name = f.fileName();
    return !name.equals("RUNBOOK.md") && !name.equals("manifest.json") && !name.equals("site.conf")
        && !name.equals("daemon.conf") && !SpecFiles.recognizes(f);
  }

  private static void withinSite(Group g, List<Finding> found) {
    differing(g, Fact.SITE, DeploymentRules.SITE_NAME_DIFFERS, found);
    differing(g, Fact.MACHINE_ID, DeploymentRules.MACHINE_ID_DIFFERS, found);
    differing(g, Fact.DATABASE, DeploymentRules.DATABASE_DIFFERS, found);
  }

  private static void differing(Group g, Fact fact, Rule rule, List<Finding> found) {
    Optional<SiteMention> agreed = g.consensus(fact);
    // A file outside a site folder is checked against its own note only: without one, a file that
    // names several sites is its cluster product's business (one package may run several services).
    boolean noted = g.of(fact).stream().anyMatch(m -> m.role() == SiteMention.Role.NOTE);
    if (agreed.isEmpty() || (g.site().isEmpty() && !noted)) {
      return;
    }
    if (g.site().isEmpty()) {
      agreed = g.of(fact).stream().filter(m -> m.role() == SiteMention.Role.NOTE).findFirst();
    }
    SiteMention ref = agreed.get();
    for (SiteMention m : g.of(fact)) {
      if (!normal(fact, m.value()).equals(normal(fact, ref.value()))) {
        found.add(rule.at(m.where(), describe(m) + " names " + fact.label() + " '" + m.value() + "' but "
            + ref.where() + " (" + describe(ref) + ") names '" + ref.value() + "'"));
      }
    }
  }

  private static String describe(SiteMention m) {
    return switch (m.role()) {
      case START -> "the start command";
      case STOP -> "the stop command";
      case NOTE -> "the note";
    };
  }

  private static void acrossSites(Context ctx, List<Finding> found) {
    Map<String, SiteMention> siteById = new LinkedHashMap<>();
    Map<String, SiteMention> idMentionById = new LinkedHashMap<>();
    for (Group g : ctx.groups.values()) {
      Optional<SiteMention> id = g.consensus(Fact.MACHINE_ID);
      Optional<SiteMention> site = g.consensus(Fact.SITE);
      if (id.isEmpty() || site.isEmpty()) {
        continue;
      }
      String key = normal(Fact.MACHINE_ID, id.get().value());
      SiteMention first = siteById.putIfAbsent(key, site.get());
      if (first == null) {
        idMentionById.put(key, id.get());
      } else if (!lower(first.value()).equals(lower(site.get().value()))) {
        found.add(DeploymentRules.MACHINE_ID_SHARED.at(id.get().where(), "site '" + site.get().value()
            + "' has machine ID " + id.get().value() + ", which site '" + first.value() + "' already has ("
            + idMentionById.get(key).where() + ")"));
      }
    }
  }

  private static void againstSpec(Context ctx, LoadedSpec loaded, List<Finding> found) {
    ClusterSpec spec = loaded.spec();
    Map<String, SiteSpec> sites = new LinkedHashMap<>();
    spec.sites().forEach(s -> sites.put(lower(s.site().name().value()), s));
    for (Group g : ctx.groups.values()) {
      for (SiteMention m : g.of(Fact.MACHINE_ID)) {
        for (NodeSpec node : spec.nodes()) {
          if (node.localMachineId().map(MachineId::value).map(String::valueOf).equals(Optional.of(m.value()))) {
            found.add(DeploymentRules.LOCAL_MACHINE_ID.at(m.where(), "machine ID " + m.value()
                + " is the local site's on node " + node.name() + " (" + loaded.path() + ")"));
          }
        }
      }
      Optional<SiteMention> named = g.consensus(Fact.SITE);
      if (named.isEmpty()) {
        continue;
      }
      SiteSpec site = sites.get(lower(named.get().value()));
      if (site == null) {
        found.add(DeploymentRules.SPEC_MISMATCH.at(named.get().where(), "site '" + named.get().value()
            + "' is not in the spec " + loaded.path() + " (it names " + sites.keySet() + ")"));
        continue;
      }
      expect(g, Fact.MACHINE_ID, String.valueOf(site.site().machineId().value()), loaded, found);
      expect(g, Fact.DATABASE, site.site().database().value(), loaded, found);
      expect(g, Fact.ADDRESS, site.site().address().value(), loaded, found);
    }
    nodesWithoutCommonFile(ctx, loaded, found);
  }

  private static void expect(Group g, Fact fact, String wanted, LoadedSpec spec, List<Finding> found) {
    for (SiteMention m : g.of(fact)) {
      if (!normal(fact, m.value()).equals(normal(fact, wanted))) {
        found.add(DeploymentRules.SPEC_MISMATCH.at(m.where(), describe(m) + " names " + fact.label() + " '"
            + m.value() + "' but the spec "
            + spec.path() + " gives site " + g.site().orElse("?") + " " + fact.label() + " '" + wanted + "'"));
      }
    }
  }

  private static void nodesWithoutCommonFile(Context ctx, LoadedSpec loaded, List<Finding> found) {
    Map<String, String> fileOfNode = new TreeMap<>();
    boolean anyAttributed = false;
    for (SourceFile f : ctx.files) {
      if (!isCommonDaemonConf(f)) {
        continue;
      }
      List<String> parts = segments(f.path());
      for (NodeSpec node : loaded.spec().nodes()) {
        String full = lower(node.name());
        String shortName = full.contains(".") ? full.substring(0, full.indexOf('.')) : full;
        if (parts.stream().map(DeploymentLinter::lower).anyMatch(p -> p.equals(full) || p.equals(shortName))) {
          fileOfNode.putIfAbsent(node.name(), f.path());
          anyAttributed = true;
        }
      }
    }
    if (!anyAttributed) {
      return;
    }
    for (NodeSpec node : loaded.spec().nodes()) {
      if (!fileOfNode.containsKey(node.name())) {
        found.add(DeploymentRules.NODE_WITHOUT_LOCAL_DAEMON.at(Location.of(loaded.path()), "node " + node.name()
            + " has no rc/daemon.conf among the linted files, while " + fileOfNode.values()
            + " are there: local_daemon is not checked on that node"));
      }
    }
  }

  private static boolean isCommonDaemonConf(SourceFile f) {
    List<String> parts = segments(f.path());
    return f.fileName().equals("daemon.conf")
        && ((parts.size() >= 2 && parts.get(parts.size() - 2).equals("rc")) || LOCAL_DAEMON_KEY.matcher(f.text()).find());
  }

  private static void daemonConfs(Context ctx, List<Finding> found) {
    for (SourceFile f : ctx.files) {
      if (!f.fileName().equals("daemon.conf") || isCommonDaemonConf(f)) {
        continue;
      }
      Optional<String> site = siteOfSiteFile(ctx, f, "daemon.conf");
      Optional<RelocatableAddress> address = site.flatMap(s -> addressOf(ctx, s));
      address.ifPresent(a -> DaemonConfParser.checkSiteFile(f, a).stream()
          .filter(x -> x.code().equals(DaemonConfParser.WRONG_IPADDRESS.code())
              || x.code().equals(DaemonConfParser.MISSING_IPADDRESS.code()))
          .forEach(found::add));
    }
  }

  private static void siteConfs(Context ctx, List<Finding> found) {
    Map<String, List<SourceFile>> copies = new TreeMap<>();
    for (SourceFile f : ctx.files) {
      if (f.fileName().equals("site.conf")) {
        siteOfSiteFile(ctx, f, "site.conf").ifPresent(s -> copies.computeIfAbsent(lower(s), k -> new ArrayList<>()).add(f));
      }
    }
    copies.forEach((site, list) -> {
      Optional<SiteConf> specConf = ctx.specSite(site).map(SiteSpec::siteConf);
      SiteConf ref = specConf.orElse(SiteConfParser.parse(list.get(0)).value());
      String refName = specConf.isPresent() ? "the spec's siteConf" : list.get(0).path();
      for (SourceFile f : specConf.isPresent() ? list : list.subList(1, list.size())) {
        SiteConf conf = SiteConfParser.parse(f).value();
        if (!conf.equals(ref)) {
          found.add(DeploymentRules.SITE_CONF_COPIES_DIFFER.at(Location.of(f.path()), "site " + site + ": "
              + show(conf) + " but " + refName + " has " + show(ref)));
        }
      }
    });
  }

  private static String show(SiteConf c) {
    return "BOOT_TIMEOUT=" + c.bootTimeout() + ", STOP_TIMEOUT=" + c.stopTimeout() + ", FORCEKILL_TIME=" + c.forceKillTime();
  }

  /** The site a site.conf or site daemon.conf belongs to: its site folder, or a database path it lies in. */
  private static Optional<String> siteOfSiteFile(Context ctx, SourceFile f, String name) {
    Optional<String> bySite = ctx.siteOf(f);
    if (bySite.isPresent()) {
      return bySite;
    }
    String path = lower(String.join("/", segments(f.path())));
    for (String[] dbSite : ctx.databases()) {
      if (path.endsWith(dbSite[0] + "/nqs/" + name) || path.endsWith(dbSite[0] + "/etc/" + name)) {
        return Optional.of(dbSite[1]);
      }
    }
    return Optional.empty();
  }

  private static Optional<RelocatableAddress> addressOf(Context ctx, String site) {
    Optional<String> value = ctx.specSite(lower(site)).map(s -> s.site().address().value());
    if (value.isEmpty()) {
      value = ctx.groups.values().stream()
          .filter(g -> g.consensus(Fact.SITE).map(m -> lower(m.value()).equals(lower(site))).orElse(false))
          .flatMap(g -> g.consensus(Fact.ADDRESS).stream())
          .map(SiteMention::value)
          .findFirst();
    }
    try {
      return value.map(RelocatableAddress::new);
    } catch (IllegalArgumentException notAnAddress) {
      return Optional.empty();
    }
  }

  static List<String> segments(String path) {
    List<String> parts = new ArrayList<>();
    for (String p : path.split("[/\\\\]+")) {
      if (!p.isEmpty()) {
        parts.add(p);
      }
    }
    return parts;
  }

  /** The form values are compared in: host names and Windows paths ignore case. */
  static String normal(Fact fact, String value) {
    return switch (fact) {
      case SITE, ADDRESS -> lower(value);
      case MACHINE_ID -> value.replaceFirst("^0+(?=.)", "");
      case DATABASE -> {
        boolean windows = value.contains("\\") || value.matches("(?i)[a-z]:.*");
        String joined = (value.startsWith("/") ? "/" : "") + String.join("/", segments(value));
        yield windows ? lower(joined) : joined;
      }
    };
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
