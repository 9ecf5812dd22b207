package dev.clusterkit.it.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Timings of one measure, in nanoseconds; percentiles by the nearest-rank method. */
final class Samples {
  private final String name;
  private final List<Long> nanos = new ArrayList<>();

  Samples(String name) {
    this.name = name;
  }

  void add(long elapsedNanos) {
    nanos.add(elapsedNanos);
  }

  int count() {
    return nanos.size();
  }

  /** The value at percentile {@code p} (0 < p <= 100), in milliseconds. */
  double percentileMs(double p) {
    if (nanos.isEmpty()) {
      throw new IllegalStateException("no samples for " + name);
    }
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(rank, 1) - 1) / 1e6;
  }

  double medianMs() {
    return percentileMs(50);
  }

  double p99Ms() {
    return percentileMs(99);
  }

  double maxMs() {
    return percentileMs(100);
  }

  String row() {
    return String.format(
        Locale.ROOT, "%-58s %5d %10.1f %10.1f %10.1f", name, count(), medianMs(), p99Ms(), maxMs());
  }

  static String header() {
    return String.format(Locale.ROOT, "%-58s %5s %10s %10s %10s", "measure", "runs", "median ms", "p99 ms", "max ms");
  }
}
