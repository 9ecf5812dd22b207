package dev.clusterkit.adapter.serviceguard;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Serviceguard's rule for package and service names: at most 39 characters, letters, digits, '.',
 * '-' and '_', beginning and ending with a letter or digit (Managing Serviceguard, package_name and
 * service_name).
 */
final class SgNames {
  static final int MAX_LENGTH = 39;
  static final String PATTERN = "[A-Za-z0-9]([A-Za-z0-9._-]{0,37}[A-Za-z0-9])?";
  static final String RULE =
      "at most 39 letters, digits, '.', '-' or '_', starting and ending with a letter or digit";
  private static final Pattern NAME = Pattern.compile(PATTERN);

  private SgNames() {}

  /** Why a name is refused, or empty when it is valid. */
  static Optional<String> problem(String name) {
    if (name.length() > MAX_LENGTH) {
      return Optional.of("'" + name + "' has " + name.length() + " characters; Serviceguard allows " + MAX_LENGTH);
    }
    if (!NAME.matcher(name).matches()) {
      return Optional.of("'" + name + "' is not a valid name: " + RULE);
    }
    return Optional.empty();
  }

  /**
   * A valid name made of a prefix and a site's first label (letters, digits and inner hyphens):
   * cut to 39 characters, without a trailing hyphen.
   */
  static String derive(String prefix, String label) {
    String name = prefix + label;
    if (name.length() > MAX_LENGTH) {
      name = name.substring(0, MAX_LENGTH);
    }
    while (!Character.isLetterOrDigit(name.charAt(name.length() - 1))) {
      name = name.substring(0, name.length() - 1);
    }
    return name;
  }
}
