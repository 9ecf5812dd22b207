package dev.clusterkit.core.lint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clusterkit.core.io.StableJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Known findings a team has accepted, by code and file: a deployment that is not clean yet can
 * still fail its pipeline on anything new. Files are compared as paths with {@code /} separators,
 * as the lint run reported them, so write and use a baseline from the same folder with the same
 * paths on the command line.
 */
public record Baseline(List<Entry> entries) {
  /** The format name of the file; bumped only on an incompatible change. */
  public static final String FORMAT = "clusterkit-baseline/v1";

  private static final Comparator<Entry> ORDER = Comparator.comparing(Entry::file).thenComparing(Entry::code);

  public Baseline {
    entries = entries.stream().distinct().sorted(ORDER).toList();
  }

  /** One accepted code in one file. */
  public record Entry(String code, String file) {
    public Entry {
      Objects.requireNonNull(code, "code");
      file = normal(Objects.requireNonNull(file, "file"));
    }
  }

  /** Every finding of a report, as a baseline that accepts them all. */
  public static Baseline of(LintReport report) {
    return new Baseline(report.findings().stream().map(f -> new Entry(f.code(), f.location().file())).toList());
  }

  /** The report without the accepted findings, how many were dropped, and entries nothing matched. */
  public record Applied(LintReport report, int accepted, List<Entry> unused) {
    public Applied {
      unused = List.copyOf(unused);
    }
  }

  public Applied apply(LintReport report) {
    Set<Entry> accepted = Set.copyOf(entries);
    Set<Entry> used = new TreeSet<>(ORDER);
    List<Finding> kept = new ArrayList<>();
    for (Finding f : report.findings()) {
      Entry e = new Entry(f.code(), f.location().file());
      if (accepted.contains(e)) {
        used.add(e);
      } else {
        kept.add(f);
      }
    }
    List<Entry> unused = entries.stream().filter(e -> !used.contains(e)).toList();
    return new Applied(new LintReport(kept, report.linted(), report.skipped()),
        report.findings().size() - kept.size(), unused);
  }

  /** The file's JSON text: {@code {"format", "accepted": [{"code", "file"}]}}, sorted. */
  public String write() {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    root.put("format", FORMAT);
    ArrayNode list = root.putArray("accepted");
    entries.forEach(e -> list.addObject().put("code", e.code()).put("file", e.file()));
    return StableJson.write(root);
  }

  /**
   * Reads a baseline file's text.
   *
   * @param source names the file in messages
   * @throws IOException when the text is not a baseline, naming the place and the rule broken
   */
  public static Baseline parse(String source, String text) throws IOException {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw new IOException(source + ": not a baseline: not valid JSON (" + e.getOriginalMessage() + ")", e);
    }
    if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())) {
      throw new IOException(source + ": not a baseline: \"format\" must be \"" + FORMAT + "\""
          + " (write one with 'clusterkit lint --write-baseline FILE')");
    }
    JsonNode accepted = root.path("accepted");
    if (!accepted.isArray()) {
      throw new IOException(source + ": \"accepted\" must be a list of {\"code\", \"file\"}");
    }
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < accepted.size(); i++) {
      JsonNode e = accepted.get(i);
      if (!e.path("code").isTextual() || !e.path("file").isTextual()) {
        throw new IOException(source + ": accepted[" + i + "] must have a text \"code\" and a text \"file\"");
      }
      entries.add(new Entry(e.get("code").asText(), e.get("file").asText()));
    }
    return new Baseline(entries);
  }

  private static String normal(String file) {
    return file.replace('\\', '/');
  }
}
