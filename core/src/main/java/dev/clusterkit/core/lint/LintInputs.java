package dev.clusterkit.core.lint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Turns the paths a user hands to {@code lint} into text files, and everything that is not a text
 * file worth reading into a skipped entry with a reason: folders that cannot be opened, files that
 * cannot be read, binary files, files over {@link #MAX_BYTES}, zip archives, symbolic links to
 * folders. Nothing here throws for one bad file; only a top-level path that does not exist is an
 * error.
 */
public final class LintInputs {
  /** Cluster scripts and site files are a few KB; anything over 1 MiB is not one of them. */
  public static final long MAX_BYTES = 1L << 20;

  /** The charset of the OEM code page of Japanese Windows, as Java names it. */
  public static final String SHIFT_JIS = "windows-31j";

  static final String NOT_TEXT = "not text: neither UTF-8, UTF-16 nor Shift_JIS (CP932)";

  private LintInputs() {}

  /** The text files found, and what was skipped; both in path order. */
  public record Result(List<SourceFile> files, List<LintReport.Skipped> skipped) {
    public Result {
      files = List.copyOf(files);
      skipped = List.copyOf(skipped);
    }
  }

  /** What reading one file gave: its text, or why it was skipped. */
  public sealed interface Read permits Text, Skip {}

  public record Text(SourceFile file) implements Read {}

  public record Skip(String reason) implements Read {}

  /**
   * Walks files and folders (folders recursively, links to folders not followed) in name order.
   *
   * @throws NoSuchFileException when a given path does not exist
   */
  public static Result collect(List<Path> paths) throws IOException {
    List<SourceFile> files = new ArrayList<>();
    List<LintReport.Skipped> skipped = new ArrayList<>();
    for (Path p : paths) {
      if (!Files.exists(p)) {
        throw new NoSuchFileException(p.toString(), null, "no such file or folder");
      }
      List<Entry> entries = new ArrayList<>();
      walk(p, entries);
      entries.sort(Comparator.comparing(Entry::path));
      // Read in parallel; the list keeps the walk's order.
      List<Read> reads = entries.parallelStream()
          .map(e -> e.skip().<Read>map(Skip::new).orElseGet(() -> read(e.path())))
          .toList();
      for (int i = 0; i < entries.size(); i++) {
        if (reads.get(i) instanceof Text t) {
          files.add(t.file());
        } else if (reads.get(i) instanceof Skip s) {
          skipped.add(new LintReport.Skipped(entries.get(i).path().toString(), s.reason()));
        }
      }
    }
    return new Result(files, skipped);
  }

  /** A file found by the walk, or a place the walk could not enter, with the reason. */
  private record Entry(Path path, Optional<String> skip) {}

  private static void walk(Path start, List<Entry> entries) throws IOException {
    Files.walkFileTree(start, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        if (attrs.isSymbolicLink() && Files.isDirectory(file)) {
          entries.add(new Entry(file, Optional.of("a symbolic link to a folder: not followed")));
        } else if (attrs.isSymbolicLink() && !Files.exists(file)) {
          entries.add(new Entry(file, Optional.of("a symbolic link to nothing")));
        } else if (attrs.isRegularFile() || attrs.isSymbolicLink()) {
          entries.add(new Entry(file, Optional.empty()));
        } else {
          entries.add(new Entry(file, Optional.of("not a regular file")));
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) {
        String what = Files.isDirectory(file) ? "a folder that cannot be opened" : "cannot be read";
        entries.add(new Entry(file, Optional.of(what + ": " + describe(e))));
        return FileVisitResult.CONTINUE;
      }
    });
  }

  /** Reads one file, or says why it is not read. */
  public static Read read(Path file) {
    try {
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        return new Skip("larger than 1 MiB (" + size + " bytes): cluster scripts and site files are"
            + " far smaller, so it is not read");
      }
      byte[] bytes = Files.readAllBytes(file);
      return decode(file.toString(), bytes).<Read>map(Text::new).orElseGet(() -> new Skip(whyNotText(bytes)));
    } catch (IOException e) {
      return new Skip("cannot be read: " + describe(e));
    }
  }

  /**
   * Decodes a file's bytes: UTF-16 when it starts with a byte order mark (a form Windows scripts
   * legitimately take) or looks like BOM-less UTF-16; UTF-8; else Shift_JIS (CP932), the code page
   * of Japanese Windows batch and VBScript files and of older Japanese UNIX systems. Bytes that
   * are none of these, or that hold NUL bytes outside UTF-16, are not text.
   */
  public static Optional<SourceFile> decode(String path, byte[] bytes) {
    Optional<Charset> utf16 = utf16(bytes);
    if (utf16.isPresent()) {
      return strict(bytes, utf16.get()).map(t -> SourceFile.read(path, t, utf16.get().name(), bytes));
    }
    if (hasNul(bytes) || isZip(bytes)) {
      return Optional.empty();
    }
    Optional<String> utf8 = strict(bytes, StandardCharsets.UTF_8);
    if (utf8.isPresent()) {
      return Optional.of(SourceFile.read(path, utf8.get(), StandardCharsets.UTF_8.name(), bytes));
    }
    Charset sjis = Charset.forName(SHIFT_JIS);
    return strict(bytes, sjis).filter(LintInputs::looksLikeText).map(t -> SourceFile.read(path, t, sjis.name(), bytes));
  }

  private static String whyNotText(byte[] bytes) {
    if (isZip(bytes)) {
      return "a zip archive: check a clusterkit bundle with 'clusterkit verify-bundle'";
    }
    if (hasNul(bytes)) {
      return "a binary file (it holds NUL bytes)";
    }
    return NOT_TEXT;
  }

  private static Optional<Charset> utf16(byte[] b) {
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
      return Optional.of(StandardCharsets.UTF_16LE);
    }
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
      return Optional.of(StandardCharsets.UTF_16BE);
    }
    // Without a BOM: ASCII-range text in UTF-16 has a NUL in every other byte.
    if (b.length >= 4 && b.length % 2 == 0) {
      int evenNul = 0;
      int oddNul = 0;
      for (int i = 0; i < b.length; i += 2) {
        evenNul += b[i] == 0 ? 1 : 0;
        oddNul += b[i + 1] == 0 ? 1 : 0;
      }
      int pairs = b.length / 2;
      if (oddNul * 10 >= pairs * 9 && evenNul == 0) {
        return Optional.of(StandardCharsets.UTF_16LE);
      }
      if (evenNul * 10 >= pairs * 9 && oddNul == 0) {
        return Optional.of(StandardCharsets.UTF_16BE);
      }
    }
    return Optional.empty();
  }

  private static boolean hasNul(byte[] bytes) {
    for (byte b : bytes) {
      if (b == 0) {
        return true;
      }
    }
    return false;
  }

  private static boolean isZip(byte[] b) {
    return b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
  }

  /** Few control characters besides tab, line ends, form feed and Ctrl-Z (old DOS end of file). */
  private static boolean looksLikeText(String text) {
    int control = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1A) {
        control++;
      }
    }
    return control * 100 <= text.length();
  }

  private static Optional<String> strict(byte[] bytes, Charset charset) {
    try {
      return Optional.of(charset.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  private static String describe(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "it disappeared while the folder was read";
    }
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }
}
