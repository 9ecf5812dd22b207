package dev.clusterkit.core.lint.deploy;

import dev.clusterkit.core.lint.Location;
import java.util.Objects;

/**
 * One statement a deployed file makes about a site's identity: the site name, machine ID, database
 * path or relocatable address, where it stands, and whether it comes from a command that starts or
 * stops the site or from a note (clusterkit's header comment, a SETTINGS.txt table).
 */
public record SiteMention(Location where, Fact fact, String value, Role role) {
  public SiteMention {
    Objects.requireNonNull(where, "where");
    Objects.requireNonNull(fact, "fact");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(role, "role");
  }

  /** What the mention states. */
  public enum Fact {
    SITE("site name"),
    MACHINE_ID("machine ID"),
    DATABASE("site database path"),
    ADDRESS("relocatable address");

    private final String label;

    Fact(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** Where the statement comes from. */
  public enum Role {
    /** A {@code cjcpw SITE DB} or {@code cjcpw -c SITE DB} command line. */
    START,
    /** A {@code cjcpw -stop SITE} command line. */
    STOP,
    /** A comment or a notes file that describes the site. */
    NOTE
  }
}
