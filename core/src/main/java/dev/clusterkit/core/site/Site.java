package dev.clusterkit.core.site;

import java.util.Objects;

/**
 * A cluster site: the three parameters that identify it (guide 2.1.1) plus the address its name
 * resolves to and the platform it runs on.
 */
public record Site(
    SiteName name,
    MachineId machineId,
    SiteDatabasePath database,
    RelocatableAddress address,
    InstallLayout layout) {

  public Site {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(machineId, "machineId");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(layout, "layout");
    if (database.family() != layout.platform().family()) {
      throw new IllegalArgumentException(
          "site database path '"
              + database
              + "' is not a "
              + layout.platform().family().name().toLowerCase(java.util.Locale.ROOT)
              + " path, as platform "
              + layout.platform().id()
              + " needs");
    }
  }

  public Platform platform() {
    return layout.platform();
  }

  /** The path of a JobCenter command on this site's nodes. */
  public String command(SiteCommand command) {
    return layout.command(command);
  }
}
