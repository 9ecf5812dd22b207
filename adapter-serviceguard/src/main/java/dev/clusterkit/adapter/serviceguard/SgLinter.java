package dev.clusterkit.adapter.serviceguard;

import dev.clusterkit.adapter.serviceguard.PackageConfig.Attribute;
import dev.clusterkit.core.lint.Finding;
import dev.clusterkit.core.lint.Location;
import dev.clusterkit.core.lint.SourceFile;
import dev.clusterkit.core.lint.shell.ShellCommand;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Lints Serviceguard package files: each file on its own, then what spans files (names unique in
 * the cluster, the control script against its package configuration, the external scripts against
 * the package that names them).
 */
final class SgLinter {
  /** The kinds of file this adapter reads. */
  enum Kind {
    MODULAR_CONFIG,
    LEGACY_CONFIG,
    CONTROL_SCRIPT,
    EXTERNAL_SCRIPT
  }

  private SgLinter() {}

  static Optional<Kind> kindOf(SourceFile f) {
    if (PackageConfig.looksModular(f)) {
      return Optional.of(Kind.MODULAR_CONFIG);
    }
    if (PackageConfig.looksLegacy(f)) {
      return Optional.of(Kind.LEGACY_CONFIG);
    }
    if (ControlScriptLinter.recognizes(f)) {
      return Optional.of(Kind.CONTROL_SCRIPT);
    }
    if (ExternalScriptLinter.recognizes(f)) {
      return Optional.of(Kind.EXTERNAL_SCRIPT);
    }
    return Optional.empty();
  }

  static boolean recognizes(SourceFile f) {
    return kindOf(f).isPresent();
  }

  static List<Finding> lint(List<SourceFile> files) {
    List<Finding> out = new ArrayList<>();
    List<PackageConfig> configs = new ArrayList<>();
    List<ControlScriptLinter.Summary> controls = new ArrayList<>();
    List<ExternalScriptLinter.Summary> externals = new ArrayList<>();
    for (SourceFile f : files) {
      switch (kindOf(f).orElseThrow(() -> new IllegalArgumentException(f.path() + " is not a Serviceguard file"))) {
        case MODULAR_CONFIG, LEGACY_CONFIG -> {
          PackageConfig c = PackageConfig.parse(f, kindOf(f).get() == Kind.MODULAR_CONFIG);
          ConfigLinter.lint(c, out);
          configs.add(c);
        }
        case CONTROL_SCRIPT -> controls.add(ControlScriptLinter.lint(f, out));
        case EXTERNAL_SCRIPT -> externals.add(ExternalScriptLinter.lint(f, out));
      }
    }
    uniqueNames(configs, out);
    for (PackageConfig c : configs) {
      if (c.modular()) {
        externalScripts(c, externals, out);
      } else {
        controlScriptOf(c, controls).ifPresent(s -> legacyPair(c, s, out));
      }
    }
    return out;
  }

  /**
   * SG-4: a package name once in the cluster, and a service name in one package only. Modular and
   * legacy files are compared among their own kind: both forms of one package may be linted together.
   */
  private static void uniqueNames(List<PackageConfig> configs, List<Finding> out) {
    for (boolean modular : List.of(true, false)) {
      Map<String, PackageConfig> packages = new HashMap<>();
      Map<String, PackageConfig> serviceOwner = new HashMap<>();
      for (PackageConfig c : configs.stream().filter(c -> c.modular() == modular).toList()) {
        Optional<Attribute> pkg = c.first(modular ? "package_name" : "PACKAGE_NAME");
        if (pkg.isPresent()) {
          PackageConfig previous = packages.putIfAbsent(pkg.get().value().toLowerCase(Locale.ROOT), c);
          if (previous != null) {
            out.add(SgRules.NAME.at(ConfigLinter.at(c, pkg.get()),
                "package " + pkg.get().value() + " is also defined in " + previous.file().path()));
          }
        }
        for (List<Attribute> service : c.services()) {
          Attribute name = service.get(0);
          PackageConfig previous = serviceOwner.putIfAbsent(name.value().toLowerCase(Locale.ROOT), c);
          if (previous != null && previous != c) {
            out.add(SgRules.NAME.at(ConfigLinter.at(c, name),
                "service " + name.value() + " is also a service in " + previous.file().path()
                    + "; service names are unique in the cluster"));
          }
        }
      }
    }
  }

  /**
   * The control script a legacy configuration runs: the linted script named by RUN_SCRIPT, else the
   * only control script in the same folder.
   */
  private static Optional<ControlScriptLinter.Summary> controlScriptOf(PackageConfig c,
      List<ControlScriptLinter.Summary> controls) {
    Set<String> named = c.all("RUN_SCRIPT").stream().map(a -> baseName(a.value())).collect(Collectors.toSet());
    List<ControlScriptLinter.Summary> byName = controls.stream().filter(s -> named.contains(s.file().fileName())).toList();
    if (byName.size() == 1) {
      return Optional.of(byName.get(0));
    }
    List<ControlScriptLinter.Summary> sameFolder =
        controls.stream().filter(s -> folder(s.file().path()).equals(folder(c.file().path()))).toList();
    return sameFolder.size() == 1 ? Optional.of(sameFolder.get(0)) : Optional.empty();
  }

  /** SG-5 and SG-9: the configuration's services are the script's, and cjcpw gets its stop time. */
  private static void legacyPair(PackageConfig c, ControlScriptLinter.Summary script, List<Finding> out) {
    List<List<Attribute>> services = c.services();
    Map<String, Attribute> configured = new HashMap<>();
    services.forEach(s -> configured.put(s.get(0).value(), s.get(0)));
    Map<String, ControlScriptLinter.Entry> scripted = new HashMap<>();
    script.names().forEach(e -> scripted.put(e.value(), e));
    // One mismatch is reported once: at the script's name when it has one the file does not configure.
    boolean scriptSide = false;
    for (ControlScriptLinter.Entry e : script.names()) {
      if (!configured.containsKey(e.value())) {
        scriptSide = true;
        out.add(SgRules.SERVICE_NAME_MISMATCH.at(e.where(),
            "SERVICE_NAME[" + e.index() + "]=" + e.value() + " but " + c.file().path() + " configures "
                + (configured.isEmpty() ? "no service" : "service " + String.join(", ", configured.keySet().stream().sorted().toList()))));
      }
    }
    for (List<Attribute> service : services) {
      Attribute name = service.get(0);
      ControlScriptLinter.Entry entry = scripted.get(name.value());
      if (entry == null) {
        if (scriptSide) {
          continue;
        }
        out.add(SgRules.SERVICE_NAME_MISMATCH.at(ConfigLinter.at(c, name),
            "SERVICE_NAME " + name.value() + " is not among the SERVICE_NAME[n] of " + script.file().path()));
        continue;
      }
      if (!script.watchedCjcpwByIndex().getOrDefault(entry.index(), false)) {
        continue;
      }
      Optional<Attribute> halt = PackageConfig.in(service, "SERVICE_HALT_TIMEOUT");
      if (halt.isEmpty()) {
        out.add(ConfigLinter.warning(SgRules.HALT_TIMEOUT, ConfigLinter.at(c, name),
            "service " + name.value() + " runs cjcpw without SERVICE_HALT_TIMEOUT, which defaults to 0:"
                + " SIGKILL follows SIGTERM at once"));
      } else if (halt.get().value().matches("[0-9]{1,4}")
          && Integer.parseInt(halt.get().value()) < ConfigLinter.SITE_STOP_BUDGET) {
        out.add(ConfigLinter.budget(ConfigLinter.at(c, halt.get()), Integer.parseInt(halt.get().value())));
      }
    }
  }

  /** SG-6 across files: nqsportkpr in the right script, for the package's site. */
  private static void externalScripts(PackageConfig c, List<ExternalScriptLinter.Summary> externals, List<Finding> out) {
    Optional<String> site = c.all("service_cmd").stream()
        .flatMap(a -> JobCenterCalls.parseCommandText(a.value()).stream())
        .filter(JobCenterCalls::isWatchedStart).findFirst().flatMap(JobCenterCalls::site);
    for (Attribute pre : c.all("external_pre_script")) {
      for (ExternalScriptLinter.Summary s : named(c, pre, externals)) {
        for (ShellCommand k : s.portKeepers()) {
          out.add(SgRules.PORT_KEEPER.at(s.file().at(k.line(), k.column()),
              "this script is the external_pre_script of " + c.file().path() + ", which runs before the"
                  + " relocatable address is added: nqsportkpr belongs in external_script"));
        }
      }
    }
    if (site.isEmpty()) {
      return;
    }
    for (Attribute ext : c.all("external_script")) {
      for (ExternalScriptLinter.Summary s : named(c, ext, externals)) {
        if (s.site().isPresent()) {
          // The script's nqsportkpr was checked against its own cjcpw calls; these must be the package's.
          if (!JobCenterCalls.sameSite(s.site().get(), site.get())) {
            out.add(SgRules.NO_STOP.at(Location.of(s.file().path()),
                "this external script of " + c.file().path() + " runs cjcpw for site '" + s.site().get()
                    + "' but the package's service runs site '" + site.get() + "'"));
          }
          continue;
        }
        for (ShellCommand k : s.portKeepers()) {
          Optional<String> arg = JobCenterCalls.site(k);
          if (arg.isPresent() && !JobCenterCalls.sameSite(arg.get(), site.get())) {
            out.add(SgRules.PORT_KEEPER.at(s.file().at(k.line(), k.column()),
                "nqsportkpr is given '" + arg.get() + "' but the service of " + c.file().path() + " runs site '"
                    + site.get() + "'"));
          }
        }
      }
    }
  }

  /**
   * The linted external scripts a package names: by file name, in the package file's folder when
   * there are any there, else the one script of that name.
   */
  private static List<ExternalScriptLinter.Summary> named(PackageConfig c, Attribute a,
      List<ExternalScriptLinter.Summary> externals) {
    String name = baseName(a.value());
    List<ExternalScriptLinter.Summary> byName = externals.stream().filter(s -> s.file().fileName().equals(name)).toList();
    List<ExternalScriptLinter.Summary> near =
        byName.stream().filter(s -> folder(s.file().path()).equals(folder(c.file().path()))).toList();
    return !near.isEmpty() ? near : byName.size() == 1 ? byName : List.of();
  }

  private static String baseName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private static String folder(String path) {
    int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    return slash < 0 ? "" : path.substring(0, slash);
  }
}
