package dev.clusterkit.adapter.msfc;

import java.util.Arrays;
import java.util.List;

/**
 * The Windows Server release the cluster runs, which decides how JobCenter is registered: NEC's
 * resource DLL up to 2008 R2 (guide 6.1), a Generic Script resource from 2012 on (guide 6.2).
 */
enum WindowsServer {
  WS2003("2003", false),
  WS2008("2008", false),
  WS2008R2("2008r2", false),
  WS2012("2012", true),
  WS2012R2("2012r2", true),
  WS2016("2016", true),
  WS2019("2019", true),
  WS2022("2022", true),
  WS2025("2025", true);

  private final String id;
  private final boolean genericScript;

  WindowsServer(String id, boolean genericScript) {
    this.id = id;
    this.genericScript = genericScript;
  }

  /** The value written in the spec. */
  String id() {
    return id;
  }

  /** Whether JobCenter runs as a Generic Script resource rather than through NEC's resource DLL. */
  boolean genericScript() {
    return genericScript;
  }

  static List<String> ids() {
    return Arrays.stream(values()).map(WindowsServer::id).toList();
  }

  static WindowsServer fromId(String id) {
    return Arrays.stream(values())
        .filter(w -> w.id.equals(id))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(
            "windowsServer '" + id + "' is not one of " + String.join(", ", ids())));
  }
}
