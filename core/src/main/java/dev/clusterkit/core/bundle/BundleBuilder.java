package dev.clusterkit.core.bundle;

import dev.clusterkit.core.io.StableJson;
import dev.clusterkit.core.render.Artifact;
import dev.clusterkit.core.render.FileMode;
import dev.clusterkit.core.render.LineEnding;
import dev.clusterkit.core.site.DaemonConf;
import dev.clusterkit.core.site.Platform;
import dev.clusterkit.core.site.Site;
import dev.clusterkit.core.spec.ClusterSpec;
import dev.clusterkit.core.spec.SiteSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Assembles a cluster bundle from a spec and its rendered artifacts:
 *
 * <pre>
 * &lt;target&gt;/&lt;site&gt;/...        rendered artifacts (the same on every node)
 * sites/&lt;site&gt;/nqs/daemon.conf   UNIX: the site's own daemon.conf (ipaddress), on the shared disk
 * sites/&lt;site&gt;/etc/daemon.conf   Windows: the same, CRLF
 * sites/&lt;site&gt;/etc/site.conf     Windows: start and stop timing (only Windows reads it, 2.1.5)
 * common/rc/daemon.conf             UNIX: what every node's own daemon.conf needs (local_daemon)
 * RUNBOOK.md                        the procedure with this spec's command lines
 * manifest.json                     every other file with size, SHA-256, mode, charset, line ending
 * </pre>
 */
public final class BundleBuilder {
  private BundleBuilder() {}

  /**
   * Builds the bundle.
   *
   * @param productNames display name of each target id, for the runbook
   * @param language runbook language: {@code en} or {@code ja}
   */
  public static Bundle build(ClusterSpec spec, List<Artifact> rendered, Map<String, String> productNames,
      String language, String version) {
    List<Artifact> files = new ArrayList<>(rendered);
    boolean anyPosix = false;
    for (SiteSpec s : spec.sites()) {
      Site site = s.site();
      String dir = "sites/" + site.name().value() + "/";
      if (site.platform().family() == Platform.Family.POSIX) {
        anyPosix = true;
        files.add(text(dir + "nqs/daemon.conf", DaemonConf.forSite(site.address()).write(), LineEnding.LF));
      } else {
        files.add(text(dir + "etc/daemon.conf", DaemonConf.forSite(site.address()).write(), LineEnding.CRLF));
        files.add(text(dir + "etc/site.conf", s.siteConf().write(), LineEnding.CRLF));
      }
    }
    if (anyPosix) {
      files.add(text("common/rc/daemon.conf", DaemonConf.common(DaemonConf.LocalDaemon.SITE).write(), LineEnding.LF));
    }
    files.add(text(Bundle.RUNBOOK, Runbook.write(language, spec, productNames, rendered, version), LineEnding.LF));
    files.add(text(Bundle.MANIFEST, manifest(spec, files, version), LineEnding.LF));
    return new Bundle(files);
  }

  private static Artifact text(String path, String text, LineEnding eol) {
    return Artifact.text(path, text, StandardCharsets.UTF_8, eol, FileMode.REGULAR);
  }

  static String manifest(ClusterSpec spec, List<Artifact> files, String version) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("format", 1);
    root.put("clusterkit", version);
    root.put("spec", Map.of("file", Path.of(spec.source()).getFileName().toString(), "sha256", spec.sha256()));
    List<Map<String, Object>> entries = new ArrayList<>();
    files.stream().filter(f -> !f.path().equals(Bundle.MANIFEST))
        .sorted(java.util.Comparator.comparing(Artifact::path))
        .forEach(f -> entries.add(entry(f)));
    root.put("files", entries);
    return StableJson.write(root);
  }

  static Map<String, Object> entry(Artifact f) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("path", f.path());
    e.put("size", f.bytes().length);
    e.put("sha256", sha256(f.bytes()));
    e.put("mode", String.format(Locale.ROOT, "%04o", f.mode().octal()));
    e.put("charset", f.charset().name());
    e.put("lineEnding", f.lineEnding().name());
    return e;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
