package dev.clusterkit.core.site;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The name of a cluster site: the fully qualified host name of its relocatable address. Short
 * names and aliases are refused, because {@code cjcmksite} needs the name that forward and reverse
 * lookups of the address agree on (guide 2.3.5).
 */
public record SiteName(String value) {
  private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

  public SiteName {
    Objects.requireNonNull(value, "value");
    if (value.isEmpty()) {
      throw new IllegalArgumentException("site name must not be empty");
    }
    if (value.length() > 253) {
      throw new IllegalArgumentException(
          "site name '" + value + "' is longer than the 253 characters a host name may have");
    }
    if (value.endsWith(".")) {
      throw new IllegalArgumentException(
          "site name '" + value + "' must be written without the trailing dot");
    }
    String[] labels = value.split("\\.", -1);
    for (String label : labels) {
      if (!LABEL.matcher(label).matches()) {
        throw new IllegalArgumentException(
            "site name '"
                + value
                + "' has an invalid label '"
                + label
                + "': each dot-separated part holds 1 to 63 letters, digits or hyphens and"
                + " neither starts nor ends with a hyphen");
      }
    }
    if (labels.length < 2) {
      throw new IllegalArgumentException(
          "site name '"
              + value
              + "' is not fully qualified: give the FQDN of the relocatable address (e.g. '"
              + value
              + ".example.com'); cjcmksite refuses short names and aliases (guide 2.3.5)");
    }
    if (labels[labels.length - 1].chars().allMatch(Character::isDigit)) {
      throw new IllegalArgumentException(
          "site name '" + value + "' is an address, not a host name: give the FQDN it resolves to");
    }
  }

  /** The first label, which is what {@code cjcls} shows. */
  public String shortName() {
    return value.substring(0, value.indexOf('.'));
  }

  /** Host names compare case-insensitively. */
  public boolean sameHostAs(SiteName other) {
    return value.toLowerCase(Locale.ROOT).equals(other.value.toLowerCase(Locale.ROOT));
  }

  @Override
  public String toString() {
    return value;
  }
}
