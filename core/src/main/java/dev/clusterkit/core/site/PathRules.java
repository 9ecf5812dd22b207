package dev.clusterkit.core.site;

import java.util.regex.Pattern;

/** Absolute-path rules shared by the site database path and the install root. */
final class PathRules {
  // Characters that would need quoting or escaping somewhere a cluster product pastes the path
  // unquoted (Serviceguard SERVICE_CMD, GDS Start_command, ARMLOAD arguments).
  private static final Pattern POSIX = Pattern.compile("/[A-Za-z0-9._+@%,:=/-]*");
  private static final Pattern WINDOWS = Pattern.compile("[A-Za-z]:\\\\[A-Za-z0-9._+@,=() \\\\-]*");

  private PathRules() {}

  static void requireAbsolute(String field, String value, Platform.Family family) {
    if (value.isEmpty()) {
      throw new IllegalArgumentException(field + " must not be empty");
    }
    if (family == Platform.Family.POSIX) {
      if (!value.startsWith("/")) {
        throw new IllegalArgumentException(
            field + " '" + value + "' must be an absolute POSIX path (starting with /)");
      }
      if (!POSIX.matcher(value).matches()) {
        throw new IllegalArgumentException(
            field + " '" + value + "' may hold only letters, digits and . _ + @ % , : = / -");
      }
      checkSegments(field, value, value, "/");
    } else {
      if (!value.matches("[A-Za-z]:\\\\.*")) {
        throw new IllegalArgumentException(
            field + " '" + value + "' must be an absolute Windows path (like X:\\Jobdb)");
      }
      if (!WINDOWS.matcher(value).matches()) {
        throw new IllegalArgumentException(
            field
                + " '"
                + value
                + "' may hold only letters, digits, spaces and . _ + @ , = ( ) - after the drive,"
                + " with \\ as separator");
      }
      checkSegments(field, value, value.substring(2), "\\");
    }
  }

  /** Checks the segments of {@code path}; messages name the whole {@code value}, drive included. */
  private static void checkSegments(String field, String value, String path, String separator) {
    String[] segments = path.split(Pattern.quote(separator), -1);
    for (int i = 1; i < segments.length; i++) {
      String s = segments[i];
      boolean last = i == segments.length - 1;
      if (s.isEmpty() && !(last && segments.length == 2)) {
        throw new IllegalArgumentException(
            field + " '" + value + "' has an empty segment (doubled or trailing " + separator + ")");
      }
      if (s.equals(".") || s.equals("..")) {
        throw new IllegalArgumentException(
            field + " '" + value + "' must be normalised: no '.' or '..' segments");
      }
    }
  }
}
