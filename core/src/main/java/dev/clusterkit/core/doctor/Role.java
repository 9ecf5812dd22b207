package dev.clusterkit.core.doctor;

import java.util.Locale;

/** What the node is expected to be for the sites checked ({@code --expect}). */
public enum Role {
  /** The node runs the sites: their addresses are up here and their databases mounted. */
  ACTIVE,
  /** Another node runs the sites: their addresses are not up here. */
  STANDBY;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
