package dev.clusterkit.adapter.pacemaker;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Pacemaker's durations ({@code 240}, {@code 240s}, {@code 4min}, {@code 500ms}, {@code PT4M}) in milliseconds. */
final class Durations {
  private static final Pattern PLAIN = Pattern.compile("([0-9]+)\\s*(ms|msec|us|usec|s|sec|m|min|h|hr)?");
  private static final Pattern ISO = Pattern.compile("PT(?:([0-9]+)H)?(?:([0-9]+)M)?(?:([0-9]+)S)?");

  private Durations() {}

  /** The duration in milliseconds; empty when the text is not a duration Pacemaker reads. */
  static Optional<Long> millis(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    Matcher m = PLAIN.matcher(t);
    if (m.matches()) {
      if (m.group(1).length() > 12) {
        return Optional.empty();
      }
      long n = Long.parseLong(m.group(1));
      String unit = m.group(2) == null ? "s" : m.group(2);
      return Optional.of(switch (unit) {
        case "ms", "msec" -> n;
        case "us", "usec" -> n / 1000;
        case "m", "min" -> n * 60_000;
        case "h", "hr" -> n * 3_600_000;
        default -> n * 1000;
      });
    }
    Matcher iso = ISO.matcher(text.strip().toUpperCase(Locale.ROOT));
    if (iso.matches() && text.length() > 2) {
      long ms = 0;
      long[] unit = {3_600_000, 60_000, 1000};
      for (int i = 0; i < 3; i++) {
        if (iso.group(i + 1) != null) {
          if (iso.group(i + 1).length() > 9) {
            return Optional.empty();
          }
          ms += Long.parseLong(iso.group(i + 1)) * unit[i];
        }
      }
      return Optional.of(ms);
    }
    return Optional.empty();
  }

  /** Milliseconds as Pacemaker-style seconds for messages: {@code 240 s}, {@code 0.5 s}. */
  static String seconds(long millis) {
    return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.3f s", millis / 1000.0).replaceAll("0+ s$", " s");
  }
}
