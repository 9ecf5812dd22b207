package dev.clusterkit.core.spec;

import dev.clusterkit.core.site.InstallLayout;
import dev.clusterkit.core.site.MachineId;
import dev.clusterkit.core.site.Platform;
import dev.clusterkit.core.site.RelocatableAddress;
import dev.clusterkit.core.site.Site;
import dev.clusterkit.core.site.SiteConf;
import dev.clusterkit.core.site.SiteConfKey;
import dev.clusterkit.core.site.SiteDatabasePath;
import dev.clusterkit.core.site.SiteName;
import dev.clusterkit.core.spi.AdapterRegistry;
import dev.clusterkit.core.spi.ClusterAdapter;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reads a cluster spec (YAML) and checks all of it: structure, types, value rules, the settings of
 * each target against what its adapter declares, and the rules that span sites and nodes. Every
 * problem is reported with file, line and column; none is left for rendering to trip over.
 */
public final class SpecLoader {
  /** The only spec version this release reads. */
  public static final String API_VERSION = "clusterkit/v1";

  public static final String KIND = "Cluster";

  static final List<String> TOP_KEYS =
      List.of("apiVersion", "kind", "name", "platform", "installRoot", "nodes", "sites", "targets");
  static final List<String> NODE_KEYS = List.of("name", "localMachineId");
  static final List<String> SITE_KEYS =
      List.of(
          "name", "machineId", "database", "address", "platform", "installRoot", "watched",
          "portKeeper", "siteConf", "targets");
  static final List<String> SITE_CONF_KEYS = List.of("bootTimeout", "stopTimeout", "forceKillTime");

  private static final String HOST = "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*";

  private final AdapterRegistry registry;

  public SpecLoader(AdapterRegistry registry) {
    this.registry = registry;
  }

  /** Loads a spec file. */
  public ClusterSpec load(Path file) throws SpecException, IOException {
    byte[] bytes = Files.readAllBytes(file);
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw new SpecException(List.of(new SpecError(new Mark(file.toString(), 1, 1), "the spec is not UTF-8 text")));
    }
    return parse(file.toString(), text, sha256(bytes));
  }

  /** Parses spec text; {@code source} names it in messages. */
  public ClusterSpec parse(String source, String text) throws SpecException {
    return parse(source, text, sha256(text.getBytes(StandardCharsets.UTF_8)));
  }

  private ClusterSpec parse(String source, String text, String sha256) throws SpecException {
    YamlNode root = YamlReader.read(source, text);
    Binder b = new Binder();
    ClusterSpec spec = bind(b, root, source, sha256);
    if (!b.errors().isEmpty() || spec == null) {
      // distinct: a shared value (the cluster's installRoot) is checked once per site.
      List<SpecError> sorted = new ArrayList<>(b.errors().stream().distinct().toList());
      sorted.sort(
          java.util.Comparator.comparingInt((SpecError e) -> e.mark().line())
              .thenComparingInt(e -> e.mark().column()));
      throw new SpecException(sorted);
    }
    return spec;
  }

  private ClusterSpec bind(Binder b, YamlNode rootNode, String source, String sha256) {
    Optional<YamlNode.Mapping> maybeRoot = b.mapping(rootNode, "spec");
    if (maybeRoot.isEmpty()) {
      return null;
    }
    YamlNode.Mapping root = maybeRoot.get();
    b.allowOnly(root, "the spec", TOP_KEYS);
    b.required(root, "apiVersion", "the spec")
        .flatMap(n -> b.string(n, "apiVersion"))
        .filter(v -> !v.equals(API_VERSION))
        .ifPresent(v -> b.error(root.entries().get("apiVersion").value().mark(),
            "apiVersion: '" + v + "' is not supported; this release reads '" + API_VERSION + "'"));
    b.required(root, "kind", "the spec")
        .flatMap(n -> b.string(n, "kind"))
        .filter(v -> !v.equals(KIND))
        .ifPresent(v -> b.error(root.entries().get("kind").value().mark(),
            "kind: '" + v + "' is not supported; use '" + KIND + "'"));
    Optional<String> name =
        b.required(root, "name", "the spec")
            .flatMap(n -> b.convert(n, "name", new SettingType.Text("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?",
                "lowercase letters, digits and inner hyphens, at most 63")))
            .map(String.class::cast);
    Optional<Platform> platform =
        b.required(root, "platform", "the spec").flatMap(n -> b.value(n, "platform", Platform::fromId));
    Optional<YamlNode> installRoot = b.optional(root, "installRoot");

    List<NodeSpec> nodes = new ArrayList<>();
    b.required(root, "nodes", "the spec").flatMap(n -> b.sequence(n, "nodes")).ifPresent(seq -> {
      if (seq.items().size() < 2) {
        b.error(seq.mark(), "nodes: a failover cluster needs at least two nodes, found " + seq.items().size());
      }
      Map<String, Mark> seen = new HashMap<>();
      for (YamlNode item : seq.items()) {
        node(b, item).ifPresent(node -> {
          Mark previous = seen.putIfAbsent(node.name().toLowerCase(Locale.ROOT), item.mark());
          if (previous != null) {
            b.error(item.mark(), "nodes: node '" + node.name() + "' is listed twice (first at line " + previous.line() + ")");
          }
          nodes.add(node);
        });
      }
    });

    Map<String, Settings> targets = new LinkedHashMap<>();
    Map<String, Mark> targetMarks = new HashMap<>();
    b.required(root, "targets", "the spec").flatMap(n -> b.mapping(n, "targets")).ifPresent(m -> {
      if (m.entries().isEmpty()) {
        b.error(m.mark(), "targets: name at least one target (known: " + String.join(", ", registry.ids()) + ")");
      }
      for (YamlNode.Entry e : m.entries().values()) {
        Optional<ClusterAdapter> adapter = registry.find(e.key());
        if (adapter.isEmpty()) {
          b.error(e.keyMark(), "targets: unknown target '" + e.key() + "' (known: " + String.join(", ", registry.ids()) + ")");
          continue;
        }
        targetMarks.put(e.key(), e.keyMark());
        settings(b, e.value(), "targets." + e.key(), adapter.get().clusterSettings())
            .ifPresent(s -> targets.put(e.key(), s));
      }
    });

    List<SiteSpec> sites = new ArrayList<>();
    List<BoundSite> bound = new ArrayList<>();
    // Sites are checked against every known target the spec names, even one whose own settings
    // are wrong, so that one mistake is not reported again at each site. Without a targets
    // section there is nothing to check site-level target settings against.
    Optional<SortedSet<String>> namedTargets =
        b.optional(root, "targets").filter(YamlNode.Mapping.class::isInstance)
            .map(n -> new TreeSet<>(targetMarks.keySet()));
    b.required(root, "sites", "the spec").flatMap(n -> b.sequence(n, "sites")).ifPresent(seq -> {
      if (seq.items().isEmpty()) {
        b.error(seq.mark(), "sites: give at least one cluster site");
      }
      for (int i = 0; i < seq.items().size(); i++) {
        YamlNode item = seq.items().get(i);
        int index = i;
        site(b, item, "sites[" + i + "]", platform, installRoot, namedTargets).ifPresent(s -> {
          sites.add(s);
          bound.add(new BoundSite(index, s.site(), (YamlNode.Mapping) item));
        });
      }
    });

    if (name.isEmpty() || platform.isEmpty()) {
      return null;
    }
    crossCheck(b, nodes, bound, targetMarks);
    return new ClusterSpec(name.get(), source, sha256, nodes, sites, targets);
  }

  private Optional<NodeSpec> node(Binder b, YamlNode item) {
    Optional<YamlNode.Mapping> maybe = b.mapping(item, "nodes[]");
    if (maybe.isEmpty()) {
      return Optional.empty();
    }
    YamlNode.Mapping m = maybe.get();
    b.allowOnly(m, "a node", NODE_KEYS);
    Optional<String> name =
        b.required(m, "name", "a node")
            .flatMap(n -> b.convert(n, "node name", new SettingType.Text(HOST, "a host name")))
            .map(String.class::cast);
    Optional<MachineId> id = Optional.empty();
    Optional<YamlNode> idNode = b.optional(m, "localMachineId");
    if (idNode.isPresent()) {
      id = b.integer(idNode.get(), "localMachineId", 1, Integer.MAX_VALUE).map(MachineId::new);
      if (id.isEmpty()) {
        return Optional.empty();
      }
    }
    Optional<MachineId> localId = id;
    return name.map(n -> new NodeSpec(n, localId));
  }

  private Optional<SiteSpec> site(
      Binder b,
      YamlNode item,
      String where,
      Optional<Platform> clusterPlatform,
      Optional<YamlNode> clusterInstallRoot,
      Optional<SortedSet<String>> namedTargets) {
    Optional<YamlNode.Mapping> maybe = b.mapping(item, where);
    if (maybe.isEmpty()) {
      return Optional.empty();
    }
    YamlNode.Mapping m = maybe.get();
    b.allowOnly(m, where, SITE_KEYS);
    int errorsBefore = b.errors().size();
    Optional<SiteName> name = b.required(m, "name", where).flatMap(n -> b.value(n, where + ".name", SiteName::new));
    Optional<MachineId> machineId =
        b.required(m, "machineId", where).flatMap(n -> b.integer(n, where + ".machineId", 1, Integer.MAX_VALUE)).map(MachineId::new);
    Optional<RelocatableAddress> address =
        b.required(m, "address", where).flatMap(n -> b.value(n, where + ".address", RelocatableAddress::new));
    Optional<Platform> platform =
        b.optional(m, "platform").map(n -> b.value(n, where + ".platform", Platform::fromId)).orElse(clusterPlatform);
    Optional<InstallLayout> layout = platform.flatMap(p -> {
      Optional<YamlNode> rootNode = b.optional(m, "installRoot").or(() -> clusterInstallRoot);
      if (rootNode.isEmpty()) {
        return Optional.of(p.defaultLayout());
      }
      return b.value(rootNode.get(), "installRoot", (Function<String, InstallLayout>) r -> new InstallLayout(p, r));
    });
    Optional<SiteDatabasePath> database = platform.flatMap(p ->
        b.required(m, "database", where).flatMap(n -> b.value(n, where + ".database", v -> new SiteDatabasePath(v, p.family()))));
    boolean watched = b.optional(m, "watched").flatMap(n -> b.bool(n, where + ".watched")).orElse(true);
    boolean portKeeper = b.optional(m, "portKeeper").flatMap(n -> b.bool(n, where + ".portKeeper")).orElse(false);
    SiteConf siteConf = b.optional(m, "siteConf").map(n -> siteConf(b, n, where + ".siteConf")).orElse(SiteConf.DEFAULTS);

    Map<String, Settings> perTarget = new LinkedHashMap<>();
    Set<String> given = new HashSet<>();
    Set<String> targetIds = namedTargets.isPresent() ? namedTargets.get() : Set.of();
    b.optional(m, "targets").flatMap(n -> b.mapping(n, where + ".targets")).ifPresent(tm -> {
      for (YamlNode.Entry e : tm.entries().values()) {
        given.add(e.key());
        if (namedTargets.isEmpty()) {
          continue;
        }
        if (!targetIds.contains(e.key())) {
          b.error(e.keyMark(), where + ".targets: '" + e.key() + "' is not among the spec's targets ("
              + String.join(", ", targetIds) + ")");
          continue;
        }
        List<Setting> declared = registry.find(e.key()).orElseThrow().siteSettings();
        settings(b, e.value(), where + ".targets." + e.key(), declared).ifPresent(s -> perTarget.put(e.key(), s));
      }
    });
    for (String id : targetIds) {
      if (!given.contains(id)) {
        List<Setting> declared = registry.find(id).orElseThrow().siteSettings();
        settings(b, new YamlNode.Mapping(Map.of(), m.mark()), where + ".targets." + id, declared)
            .ifPresent(s -> perTarget.put(id, s));
      }
    }
    if (b.errors().size() > errorsBefore || name.isEmpty() || machineId.isEmpty() || address.isEmpty()
        || layout.isEmpty() || database.isEmpty()) {
      return Optional.empty();
    }
    try {
      Site site = new Site(name.get(), machineId.get(), database.get(), address.get(), layout.get());
      return Optional.of(new SiteSpec(site, watched, portKeeper, siteConf, perTarget));
    } catch (IllegalArgumentException e) {
      b.error(m.mark(), where + ": " + e.getMessage());
      return Optional.empty();
    }
  }

  private SiteConf siteConf(Binder b, YamlNode node, String where) {
    Optional<YamlNode.Mapping> maybe = b.mapping(node, where);
    if (maybe.isEmpty()) {
      return SiteConf.DEFAULTS;
    }
    YamlNode.Mapping m = maybe.get();
    b.allowOnly(m, where, SITE_CONF_KEYS);
    int errorsBefore = b.errors().size();
    int boot = confValue(b, m, "bootTimeout", SiteConfKey.BOOT_TIMEOUT, where);
    int stop = confValue(b, m, "stopTimeout", SiteConfKey.STOP_TIMEOUT, where);
    int kill = confValue(b, m, "forceKillTime", SiteConfKey.FORCEKILL_TIME, where);
    SiteConf conf = new SiteConf(boot, stop, kill);
    // Compared only when both values are valid, so a bad value is not also blamed on its default.
    if (!conf.stopsCleanly() && b.errors().size() == errorsBefore) {
      Mark at = b.optional(m, "stopTimeout").or(() -> b.optional(m, "forceKillTime")).map(YamlNode::mark)
          .orElse(m.mark());
      b.error(at, where + ": stopTimeout " + stop + " must be greater than forceKillTime " + kill
          + ", or every stop is a forced kill (guide 2.1.5)");
    }
    return conf;
  }

  private static int confValue(Binder b, YamlNode.Mapping m, String field, SiteConfKey key, String where) {
    return b.optional(m, field)
        .flatMap(n -> b.integer(n, where + "." + field, key.minimum(), key.maximum()))
        .orElse(key.defaultValue());
  }

  private Optional<Settings> settings(Binder b, YamlNode node, String where, List<Setting> declared) {
    YamlNode.Mapping m;
    if (node instanceof YamlNode.Scalar s && s.isNull()) {
      m = new YamlNode.Mapping(Map.of(), s.mark());
    } else {
      Optional<YamlNode.Mapping> maybe = b.mapping(node, where);
      if (maybe.isEmpty()) {
        return Optional.empty();
      }
      m = maybe.get();
    }
    b.allowOnly(m, where, declared.stream().map(Setting::name).toList());
    Map<String, Object> values = new LinkedHashMap<>();
    boolean ok = true;
    for (Setting setting : declared) {
      Optional<YamlNode> given = b.optional(m, setting.name());
      if (given.isPresent()) {
        Optional<Object> v = b.convert(given.get(), where + "." + setting.name(), setting.type());
        if (v.isPresent()) {
          values.put(setting.name(), v.get());
        } else {
          ok = false;
        }
      } else if (setting.isRequired()) {
        b.error(m.mark(), "missing required key '" + setting.name() + "' in " + where + " (" + setting.description() + ")");
        ok = false;
      } else {
        values.put(setting.name(), setting.defaultValue().orElseThrow());
      }
    }
    return ok ? Optional.of(new Settings(values)) : Optional.empty();
  }

  /** A site that bound without errors: its index in the spec, the site and its YAML node. */
  private record BoundSite(int index, Site site, YamlNode.Mapping node) {
    /** Where the value of {@code key} stands, so an error points at the value that clashes. */
    Mark at(String key) {
      YamlNode.Entry e = node.entries().get(key);
      return e == null ? node.mark() : e.value().mark();
    }
  }

  private void crossCheck(Binder b, List<NodeSpec> nodes, List<BoundSite> sites, Map<String, Mark> targetMarks) {
    Map<String, Integer> names = new HashMap<>();
    Map<Integer, Integer> ids = new HashMap<>();
    Map<String, Integer> addresses = new HashMap<>();
    Map<String, Integer> databases = new HashMap<>();
    for (BoundSite bs : sites) {
      Site s = bs.site();
      int i = bs.index();
      duplicate(b, names, s.name().value().toLowerCase(Locale.ROOT), i, bs.at("name"), "site name " + s.name());
      duplicate(b, ids, s.machineId().value(), i, bs.at("machineId"), "machine ID " + s.machineId());
      duplicate(b, addresses, s.address().value(), i, bs.at("address"), "relocatable address " + s.address());
      // Windows paths ignore case; POSIX paths do not.
      String database = s.database().family() == Platform.Family.WINDOWS
          ? s.database().value().toLowerCase(Locale.ROOT) : s.database().value();
      duplicate(b, databases, database, i, bs.at("database"), "site database path " + s.database());
      for (NodeSpec node : nodes) {
        if (node.localMachineId().equals(Optional.of(s.machineId()))) {
          b.error(bs.at("machineId"), "sites[" + i + "].machineId: " + s.machineId()
              + " is the local site's machine ID on node " + node.name() + "; a cluster site needs its own (guide 2.3.3)");
        }
      }
      for (Map.Entry<String, Mark> t : targetMarks.entrySet()) {
        ClusterAdapter adapter = registry.find(t.getKey()).orElseThrow();
        if (!adapter.platforms().contains(s.platform())) {
          b.error(t.getValue(), "targets." + t.getKey() + ": " + adapter.displayName() + " does not run JobCenter on "
              + s.platform().id() + " (site " + s.name() + "); it serves "
              + adapter.platforms().stream().map(Platform::id).sorted().toList());
        }
      }
    }
  }

  private static <K> void duplicate(Binder b, Map<K, Integer> seen, K key, int index, Mark at, String what) {
    Integer previous = seen.putIfAbsent(key, index);
    if (previous != null) {
      b.error(at, "sites[" + index + "]: " + what + " is already used by sites[" + previous + "]; each site needs its own");
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
