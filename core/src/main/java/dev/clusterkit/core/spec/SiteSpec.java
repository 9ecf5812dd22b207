package dev.clusterkit.core.spec;

import dev.clusterkit.core.site.Site;
import dev.clusterkit.core.site.SiteConf;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A cluster site as the spec describes it: the site itself, how the cluster software runs it, its
 * site.conf timing, and per-target settings.
 *
 * @param watched whether cjcpw runs in the foreground and is watched by the cluster software
 *     ({@code cjcpw SITE DB}), or starts the site and returns ({@code cjcpw -c SITE DB})
 * @param portKeeper whether {@code nqsportkpr} holds TCP 607 before cjcpw starts
 */
public record SiteSpec(
    Site site,
    boolean watched,
    boolean portKeeper,
    SiteConf siteConf,
    Map<String, Settings> targetSettings) {

  public SiteSpec {
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(siteConf, "siteConf");
    targetSettings = java.util.Collections.unmodifiableMap(new TreeMap<>(targetSettings));
  }

  /** This site's settings for one target, empty when the spec gives none. */
  public Settings settingsFor(String targetId) {
    return targetSettings.getOrDefault(targetId, Settings.EMPTY);
  }
}
