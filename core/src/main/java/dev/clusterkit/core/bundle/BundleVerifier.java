package dev.clusterkit.core.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clusterkit.core.lint.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/** Re-checks a bundle against its manifest and hands its text files over for linting. */
public final class BundleVerifier {
  /** What was wrong with the bundle itself, and its files as the linters will read them. */
  public record Result(List<String> problems, List<SourceFile> files) {
    public Result {
      problems = List.copyOf(problems);
      files = List.copyOf(files);
    }
  }

  private BundleVerifier() {}

  public static Result verify(Path zip) throws IOException {
    List<String> problems = new ArrayList<>();
    Map<String, byte[]> content = new TreeMap<>();
    try (ZipFile file = new ZipFile(zip.toFile())) {
      Enumeration<? extends ZipEntry> entries = file.entries();
      while (entries.hasMoreElements()) {
        ZipEntry e = entries.nextElement();
        if (e.isDirectory()) {
          continue;
        }
        try (InputStream in = file.getInputStream(e)) {
          content.put(e.getName(), in.readAllBytes());
        }
      }
    } catch (ZipException e) {
      throw new IOException(zip + " is not a readable zip file: " + e.getMessage(), e);
    }
    byte[] manifestBytes = content.remove(Bundle.MANIFEST);
    if (manifestBytes == null) {
      problems.add(zip + ": no " + Bundle.MANIFEST + "; not a clusterkit bundle");
      return new Result(problems, List.of());
    }
    JsonNode manifest;
    try {
      manifest = new ObjectMapper().readTree(manifestBytes);
    } catch (IOException e) {
      problems.add(Bundle.MANIFEST + ": not valid JSON: " + e.getMessage());
      return new Result(problems, List.of());
    }
    List<SourceFile> files = new ArrayList<>();
    Map<String, byte[]> unlisted = new TreeMap<>(content);
    for (JsonNode f : manifest.path("files")) {
      String path = f.path("path").asText();
      byte[] bytes = unlisted.remove(path);
      if (bytes == null) {
        problems.add(path + ": listed in the manifest but missing from the bundle");
        continue;
      }
      if (bytes.length != f.path("size").asLong(-1)) {
        problems.add(path + ": size " + bytes.length + " but the manifest says " + f.path("size").asText());
      }
      if (!BundleBuilder.sha256(bytes).equals(f.path("sha256").asText())) {
        problems.add(path + ": SHA-256 differs from the manifest; the file was changed after packaging");
      }
      charset(f.path("charset").asText()).ifPresentOrElse(
          cs -> files.add(new SourceFile(path, strip(new String(bytes, cs)))),
          () -> problems.add(path + ": unknown charset '" + f.path("charset").asText() + "' in the manifest"));
    }
    unlisted.keySet().forEach(path -> problems.add(path + ": in the bundle but not in the manifest"));
    return new Result(problems, files);
  }

  private static String strip(String text) {
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  private static java.util.Optional<Charset> charset(String name) {
    try {
      return java.util.Optional.of(Charset.forName(name));
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return java.util.Optional.empty();
    }
  }
}
