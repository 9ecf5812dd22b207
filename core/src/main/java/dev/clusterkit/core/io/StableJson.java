package dev.clusterkit.core.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * The one JSON layout clusterkit writes (reports, the schema, bundle manifests, baselines): two-space
 * indent, LF, {@code "key": value}, empty objects and arrays as {} and [], a final newline. The
 * same value gives the same bytes on every machine, so outputs diff cleanly and bundles are
 * reproducible.
 */
public final class StableJson {
  private static final ObjectWriter WRITER = new ObjectMapper().writer(printer());

  private StableJson() {}

  /** {@code value} (a tree of JSON nodes, or maps, lists, strings and numbers) as text. */
  public static String write(Object value) {
    try {
      return WRITER.writeValueAsString(value) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("plain JSON data always serialises", e);
    }
  }

  private static DefaultPrettyPrinter printer() {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter()
            .withSeparators(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""));
    printer.indentObjectsWith(indenter);
    printer.indentArraysWith(indenter);
    return printer;
  }
}
