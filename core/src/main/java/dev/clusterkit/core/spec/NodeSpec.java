package dev.clusterkit.core.spec;

import dev.clusterkit.core.site.MachineId;
import java.util.Objects;
import java.util.Optional;

/** A cluster node: its host name and, when given, the machine ID of its local site. */
public record NodeSpec(String name, Optional<MachineId> localMachineId) {
  public NodeSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(localMachineId, "localMachineId");
  }
}
