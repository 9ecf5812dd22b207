package dev.clusterkit.core.runtime;

import dev.clusterkit.core.site.MachineId;
import dev.clusterkit.core.site.RelocatableAddress;
import dev.clusterkit.core.site.SiteControlException;
import dev.clusterkit.core.site.SiteName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What {@code cjcmksite} records about a site in its database: name, machine ID and address. */
record SiteIdentity(SiteName name, MachineId machineId, RelocatableAddress address) {
  SiteIdentity {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(machineId, "machineId");
    Objects.requireNonNull(address, "address");
  }

  String write() {
    return "# written by cjcmksite (clusterkit embedded runtime)\n"
        + "name="
        + name
        + "\nmachine_id="
        + machineId
        + "\naddress="
        + address
        + "\n";
  }

  static SiteIdentity read(Path file) throws SiteControlException.Refused {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (NoSuchFileException e) {
      throw new SiteControlException.Refused(
          file + " does not exist: the folder is not a site database made by cjcmksite");
    } catch (IOException e) {
      throw new SiteControlException.Refused("cannot read " + file + ": " + e.getMessage(), e);
    }
    Map<String, Integer> lineOf = new LinkedHashMap<>();
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        throw new SiteControlException.Refused(file + ": line " + (i + 1) + ": '" + line + "' is not key=value");
      }
      values.put(line.substring(0, eq), line.substring(eq + 1));
      lineOf.put(line.substring(0, eq), i + 1);
    }
    try {
      return new SiteIdentity(
          new SiteName(required(file, values, "name")),
          new MachineId(Integer.parseInt(required(file, values, "machine_id"))),
          new RelocatableAddress(required(file, values, "address")));
    } catch (NumberFormatException e) {
      throw new SiteControlException.Refused(
          file + ": line " + lineOf.get("machine_id") + ": machine_id is not a whole number");
    } catch (IllegalArgumentException e) {
      throw new SiteControlException.Refused(file + ": " + e.getMessage());
    }
  }

  private static String required(Path file, Map<String, String> values, String key)
      throws SiteControlException.Refused {
    String v = values.get(key);
    if (v == null) {
      throw new SiteControlException.Refused(file + ": no " + key + "= line");
    }
    return v;
  }
}
