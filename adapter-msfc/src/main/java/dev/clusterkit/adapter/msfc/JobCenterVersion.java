package dev.clusterkit.adapter.msfc;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A JobCenter release such as R12.8, ordered by number (R12.10 comes after R12.9). */
record JobCenterVersion(int major, int minor) implements Comparable<JobCenterVersion> {
  static final String PATTERN = "R[0-9]{1,2}\\.[0-9]{1,2}";

  /** The release that changed the MSFC resource DLL (guide 6.4). */
  static final JobCenterVersion RESOURCE_DLL_CHANGED = new JobCenterVersion(12, 8);

  private static final Comparator<JobCenterVersion> ORDER =
      Comparator.comparingInt(JobCenterVersion::major).thenComparingInt(JobCenterVersion::minor);

  static JobCenterVersion parse(String text) {
    Matcher m = Pattern.compile("R([0-9]{1,2})\\.([0-9]{1,2})").matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a JobCenter release like R12.8");
    }
    return new JobCenterVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
  }

  @Override
  public int compareTo(JobCenterVersion other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return "R" + major + "." + minor;
  }
}
