package dev.clusterkit.adapter.clusterpro.windows;

import dev.clusterkit.core.site.SiteName;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The watch ID ARMLOAD, ARMLOADC and ARMKILL name a watched program by: 1 to 255 single-byte
 * letters, digits and underscores, compared case-insensitively, unique in the cluster, and never
 * starting with {@code NEC_}, which CLUSTERPRO reserves (guide 4.2.1.1; NEC's ARMLOAD reference).
 */
record WatchId(String value) {
  static final String PATTERN = "(?![Nn][Ee][Cc]_)[A-Za-z0-9_]{1,255}";
  static final String RULE = "1 to 255 letters, digits and '_', not starting with NEC_ (reserved by CLUSTERPRO)";
  private static final Pattern VALID = Pattern.compile(PATTERN);

  WatchId {
    Objects.requireNonNull(value, "value");
    problem(value).ifPresent(p -> {
      throw new IllegalArgumentException("watch ID '" + value + "' " + p);
    });
  }

  /** What is wrong with a watch ID, if anything. */
  static Optional<String> problem(String value) {
    if (value.toUpperCase(Locale.ROOT).startsWith("NEC_")) {
      return Optional.of("starts with NEC_, which CLUSTERPRO reserves for its own watches");
    }
    if (value.isEmpty() || value.length() > 255) {
      return Optional.of("must have 1 to 255 characters, not " + value.length());
    }
    if (!VALID.matcher(value).matches()) {
      return Optional.of("may hold only single-byte letters, digits and '_'");
    }
    return Optional.empty();
  }

  /** The watch ID a site gets when the spec names none: JC_ and its first label, upper case. */
  static WatchId derivedFrom(SiteName site) {
    return new WatchId("JC_" + site.shortName().toUpperCase(Locale.ROOT).replace('-', '_'));
  }

  /** The form watch IDs are compared in. */
  String key() {
    return value.toUpperCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return value;
  }
}
