package dev.clusterkit.core.site;

import java.util.List;
import java.util.Optional;

/**
 * Creates, starts, stops and lists JobCenter cluster sites, as {@code cjcmksite}, {@code cjcpw},
 * {@code cjcls}, {@code nqsstart}, {@code nqsstop} and {@code nqsportkpr} do (guide chapter 2).
 * Two implementations: one runs an installed JobCenter's commands, the other is the embedded
 * runtime ({@code dev.clusterkit.core.runtime.EmbeddedSiteControl}).
 */
public interface SiteControl {

  /** The two ways of deleting a site (guide 2.6.1). */
  enum DeleteMode {
    /** Forget the site (remove its link) and keep its database. */
    CLEAR,
    /** Forget the site and remove everything in its database folder too. */
    DELETE
  }

  /** How a watched site ended. */
  record SiteExit(int exitCode, String reason) {
    public boolean failed() {
      return exitCode != 0;
    }
  }

  /**
   * Creates a site database ({@code cjcmksite SITE MACHINEID DBPATH}).
   *
   * @param replace rewrite the identity and daemon.conf of an existing database (keeping anything
   *     else in it) instead of refusing
   */
  SiteStatus create(SiteName name, MachineId machineId, SiteDatabasePath database, boolean replace)
      throws SiteControlException;

  /**
   * Starts the site and watches it ({@code cjcpw SITE DBPATH}); returns when the site has stopped,
   * because it was asked to or because a daemon died.
   */
  SiteExit runWatched(SiteName name, SiteDatabasePath database) throws SiteControlException;

  /** Starts the site's daemons and returns at once, without watching ({@code cjcpw -c}). */
  void startUnwatched(SiteName name, SiteDatabasePath database) throws SiteControlException;

  /**
   * Stops a site and waits until it has stopped ({@code cjcpw -stop SITE}).
   *
   * @throws SiteControlException.NotRunning when nothing of the site runs
   */
  void stop(SiteName name) throws SiteControlException;

  /** The sites of this machine ({@code cjcls}). */
  List<SiteStatus> list() throws SiteControlException;

  /** Starts the daemons of a site, leaving cjcpw as it is ({@code nqsstart SITE}). */
  void startDaemons(SiteName name) throws SiteControlException;

  /** Stops the daemons of a site; a running cjcpw stays up ({@code nqsstop SITE}). */
  void stopDaemons(SiteName name) throws SiteControlException;

  /** Holds the NQS port on {@code address} (an IP address or a site name) until the site's daemon takes it ({@code nqsportkpr}). */
  void keepPort(String address) throws SiteControlException;

  /** Deletes a site that is not running (guide 2.6.1). */
  void delete(SiteName name, DeleteMode mode) throws SiteControlException;

  /** The site {@code NQS_SITE} selects (guide 2.5.2); see {@link SiteSelection#resolve}. */
  SiteSelection resolve(Optional<String> nqsSite) throws SiteControlException;
}
