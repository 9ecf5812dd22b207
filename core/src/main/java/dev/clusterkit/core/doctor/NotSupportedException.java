package dev.clusterkit.core.doctor;

/** This machine cannot answer a probe (no {@code /proc}, no libc through JNA, ...). */
public final class NotSupportedException extends Exception {
  private static final long serialVersionUID = 1L;

  public NotSupportedException(String message) {
    super(message);
  }
}
