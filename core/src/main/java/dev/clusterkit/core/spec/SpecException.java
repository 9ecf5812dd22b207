package dev.clusterkit.core.spec;

import java.util.List;
import java.util.stream.Collectors;

/** A spec that cannot be used, with every problem found in it. */
public final class SpecException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient List<SpecError> errors;

  public SpecException(List<SpecError> errors) {
    super(errors.stream().map(SpecError::toString).collect(Collectors.joining("\n")));
    this.errors = List.copyOf(errors);
  }

  public List<SpecError> errors() {
    return errors;
  }
}
