package dev.clusterkit.adapter.clusterpro.windows;

import java.util.List;

/**
 * The CLUSTERPRO generation the scripts are written for. It decides the family of event variables
 * (one family per script pair, never mixed) and the broadcast command.
 */
enum Product {
  /** CLUSTERPRO for Windows before Ver 8.0, with ActiveRecoveryManager: ARMS_* and ARMBroadcast. */
  ARM("arm", "CLUSTERPRO for Windows up to 7.x (ActiveRecoveryManager)", "ARMS_", "ARMBroadcast"),
  /** CLUSTERPRO Ver 8.0 and CLUSTERPRO X with the Ver 8.0 compatible commands: CLP_* and ARMBCAST. */
  X("x", "CLUSTERPRO for Windows Ver 8.0 / CLUSTERPRO X (Ver 8.0 compatible commands)", "CLP_", "ARMBCAST");

  private final String id;
  private final String displayName;
  private final String variablePrefix;
  private final String broadcast;

  Product(String id, String displayName, String variablePrefix, String broadcast) {
    this.id = id;
    this.displayName = displayName;
    this.variablePrefix = variablePrefix;
    this.broadcast = broadcast;
  }

  String id() {
    return id;
  }

  String displayName() {
    return displayName;
  }

  /** {@code ARMS_} or {@code CLP_}: EVENT, DISK and SERVER follow it. */
  String variablePrefix() {
    return variablePrefix;
  }

  String broadcast() {
    return broadcast;
  }

  static List<String> ids() {
    return List.of(ARM.id, X.id);
  }

  static Product fromId(String id) {
    for (Product p : values()) {
      if (p.id.equals(id)) {
        return p;
      }
    }
    throw new IllegalArgumentException("product '" + id + "' is not one of " + ids());
  }
}
