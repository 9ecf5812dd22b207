package dev.clusterkit.core.spec;

/** One problem in a spec, at a place. */
public record SpecError(Mark mark, String message) {
  /** {@code file:line:col: message}. */
  @Override
  public String toString() {
    return mark + ": " + message;
  }
}
