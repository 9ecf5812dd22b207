package dev.clusterkit.core.render;

import java.util.Map;

/** The templates of one adapter, rendered to LF text. */
public interface Templates {
  /**
   * Renders {@code name} (relative to the adapter's template folder) with a model of strings,
   * numbers, booleans, lists and maps.
   */
  String render(String name, Map<String, ?> model) throws RenderException;
}
