package dev.clusterkit.core.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterkit.core.ClusterKit;
import dev.clusterkit.core.render.Artifact;
import dev.clusterkit.core.site.Platform;
import dev.clusterkit.core.spi.AdapterRegistry;
import dev.clusterkit.core.spi.ClusterAdapter;
import dev.clusterkit.core.spi.RenderContext;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceFileFormTest {

  @Test
  void normalisesTheTextButKeepsWhichLinesEndedInABareLf() {
    SourceFile f = new SourceFile("a.bat", "one\r\ntwo\nthree\r\nfour\n");
    assertEquals("one\ntwo\nthree\nfour\n", f.text());
    assertEquals(List.of(2, 4), f.form().bareLfLines());
    assertEquals(Optional.empty(), f.form().charset());
    assertFalse(f.form().byteOrderMark());
  }

  @Test
  void crlfTextHasNoBareLfLinesAndABomIsSeen() {
    SourceFile f = new SourceFile("a.bat", "\uFEFFone\r\ntwo\r\nlast without end");
    assertEquals(List.of(), f.form().bareLfLines());
    assertTrue(f.form().byteOrderMark());
    assertEquals(3, f.lines().size());
  }

  @Test
  void aLoneCrIsNotALineEnd() {
    assertEquals(List.of(1), new SourceFile("x", "a\rb\n").form().bareLfLines());
  }

  @Test
  void filesReadFromDiskKeepTheirCharsetAndLineEnds(@TempDir Path dir) throws Exception {
    Charset cp932 = Charset.forName("windows-31j");
    Files.write(dir.resolve("jp.bat"), "rem \u8d77\u52d5\r\nGOTO EXIT\r\n:EXIT\r\n".getBytes(cp932));
    Files.write(dir.resolve("lf.bat"), "rem x\nGOTO EXIT\r\n".getBytes(StandardCharsets.US_ASCII));
    Files.write(dir.resolve("jp.txt"), "\u8d77\u52d5\n".getBytes(cp932));
    List<SourceFile> seen = new ArrayList<>();
    ClusterKit kit = ClusterKit.create(AdapterRegistry.of(List.of(new Recorder(seen))), getClass().getClassLoader());

    var report = kit.lint(List.of(dir));

    assertEquals(2, seen.size(), seen.toString());
    SourceFile jp = seen.get(0);
    assertEquals(Optional.of("windows-31j"), jp.form().charset());
    assertEquals("rem \u8d77\u52d5\nGOTO EXIT\n:EXIT\n", jp.text());
    assertEquals(List.of(), jp.form().bareLfLines());
    SourceFile lf = seen.get(1);
    assertEquals(Optional.of("UTF-8"), lf.form().charset());
    assertEquals(List.of(1), lf.form().bareLfLines());
    // A Shift_JIS text file is read too; this one is of no kind a linter knows.
    assertEquals(1, report.skipped().size());
    assertTrue(report.skipped().get(0).path().endsWith("jp.txt"), report.skipped().toString());
    assertEquals("no linter recognises this kind of file", report.skipped().get(0).reason());
  }

  /** An adapter that recognises every file and records what it was given. */
  private record Recorder(List<SourceFile> seen) implements ClusterAdapter {
    @Override
    public String id() {
      return "recorder";
    }

    @Override
    public String displayName() {
      return "recorder";
    }

    @Override
    public Set<Platform> platforms() {
      return Set.of(Platform.WINDOWS);
    }

    @Override
    public List<Artifact> render(RenderContext context) {
      return List.of();
    }

    @Override
    public boolean recognizes(SourceFile file) {
      return !file.fileName().endsWith(".txt");
    }

    @Override
    public List<Finding> lint(List<SourceFile> files) {
      seen.addAll(files);
      return List.of();
    }

    @Override
    public List<Rule> rules() {
      return List.of();
    }
  }
}
