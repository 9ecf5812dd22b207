package dev.clusterkit.core.site;

import java.util.Objects;
import java.util.Optional;

/**
 * One row of {@code cjcls} (guide 2.5.3): a site of this machine, the PID of its first daemon when
 * the daemons run, where its database is and which link in the spool directory points there, and
 * whether a {@code cjcpw} supervisor watches it.
 *
 * @param name the site name as the site database records it (the installed {@code cjcls} may show
 *     it as it was given to {@code cjcmksite})
 * @param daemonPid the PID shown in DAEMON-PID, empty when the row says {@code SHUT}
 * @param database the site database path
 * @param link the link in the spool directory ({@code /usr/spool/nqs/0AC0120A})
 * @param supervised whether {@code cjcpw} runs for the site (the CJCPW column, ON or OFF)
 */
public record SiteStatus(
    String name, Optional<Long> daemonPid, String database, String link, boolean supervised) {

  public SiteStatus {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(daemonPid, "daemonPid");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(link, "link");
    if (name.isBlank() || name.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("site name '" + name + "' must be one word");
    }
    daemonPid.ifPresent(
        pid -> {
          if (pid <= 0) {
            throw new IllegalArgumentException("daemon PID " + pid + " must be positive");
          }
        });
  }

  /** Whether the site's daemons run (DAEMON-PID is a number, not SHUT). */
  public boolean daemonsRunning() {
    return daemonPid.isPresent();
  }

  /** Whether the row names the site {@code name}, compared as host names are. */
  public boolean isNamed(String other) {
    return name.equalsIgnoreCase(other);
  }
}
