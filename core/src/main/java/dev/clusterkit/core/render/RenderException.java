package dev.clusterkit.core.render;

/** Rendering failed: a template is missing or broken, or it asked for a value the model lacks. */
public final class RenderException extends Exception {
  private static final long serialVersionUID = 1L;

  public RenderException(String message, Throwable cause) {
    super(message, cause);
  }

  public RenderException(String message) {
    super(message);
  }
}
