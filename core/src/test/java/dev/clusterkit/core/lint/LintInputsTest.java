package dev.clusterkit.core.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterkit.core.ClusterKit;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What lint does with files that are not plain small UTF-8 text: a reason, never a crash. */
class LintInputsTest {
  @TempDir Path dir;

  private LintReport.Skipped onlySkip(Path file) throws Exception {
    LintInputs.Result r = LintInputs.collect(List.of(file));
    assertEquals(List.of(), r.files());
    assertEquals(1, r.skipped().size(), r.skipped().toString());
    return r.skipped().get(0);
  }

  @Test
  void filesOverOneMebibyteAreSkippedUnread() throws Exception {
    Path big = Files.write(dir.resolve("start.sh"), new byte[(int) LintInputs.MAX_BYTES + 1]);
    assertEquals("larger than 1 MiB (1048577 bytes): cluster scripts and site files are far smaller, so it is not read",
        onlySkip(big).reason());
    Path justSmallEnough = Files.write(dir.resolve("ok.sh"), "#".repeat((int) LintInputs.MAX_BYTES).getBytes(StandardCharsets.US_ASCII));
    assertEquals(1, LintInputs.collect(List.of(justSmallEnough)).files().size());
  }

  @Test
  void binaryFilesAndZipArchivesAreNamedAsSuch() throws Exception {
    Path elf = Files.write(dir.resolve("cjcpw"), new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0});
    assertEquals("a binary file (it holds NUL bytes)", onlySkip(elf).reason());
    Path zip = Files.write(dir.resolve("bundle.zip"), new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0});
    assertEquals("a zip archive: check a clusterkit bundle with 'clusterkit verify-bundle'", onlySkip(zip).reason());
  }

  @Test
  void utf16WithAndWithoutByteOrderMarkAndShiftJisAreRead() throws Exception {
    String text = "ipaddress=192.168.1.5\r\n";
    Path be = Files.write(dir.resolve("be/daemon.conf".replace("/", "_")), ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16BE));
    Path le = Files.write(dir.resolve("le.conf"), text.getBytes(StandardCharsets.UTF_16LE));
    Path sjis = Files.write(dir.resolve("start.sh"), "# \u8d77\u52d5\ncjcpw\n".getBytes(Charset.forName("windows-31j")));
    assertEquals(Optional.of("UTF-16BE"), read(be).form().charset());
    assertEquals("\uFEFF" + "ipaddress=192.168.1.5\n", read(be).text());
    assertEquals(Optional.of("UTF-16LE"), read(le).form().charset());
    assertEquals("ipaddress=192.168.1.5\n", read(le).text());
    assertEquals(Optional.of("windows-31j"), read(sjis).form().charset());
    assertEquals("# \u8d77\u52d5\ncjcpw\n", read(sjis).text());
  }

  private static SourceFile read(Path p) {
    return ((LintInputs.Text) LintInputs.read(p)).file();
  }

  @Test
  void aShiftJisSiteConfIsLintedLikeAnyOther() throws Exception {
    Path conf = Files.write(dir.resolve("site.conf"), "# \u8d77\u52d5\nSTOP_TIMEOUT=30\nFORCEKILL_TIME=30\n"
        .getBytes(Charset.forName("windows-31j")));
    LintReport report = ClusterKit.create().lint(List.of(conf));
    assertEquals(List.of("SCF005"), report.findings().stream().map(Finding::code).toList());
  }

  @Test
  void bytesThatAreNoTextAreSkippedWithTheEncodingsTried() throws Exception {
    Path latin = Files.write(dir.resolve("x.sh"), new byte[] {'a', (byte) 0x81, 0x7F, '\n'});
    assertEquals("not text: neither UTF-8, UTF-16 nor Shift_JIS (CP932)", onlySkip(latin).reason());
  }

  @Test
  void anUnreadableFileIsSkippedWithTheReason() throws Exception {
    Path secret = Files.writeString(dir.resolve("site.conf"), "BOOT_TIMEOUT=180\n");
    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
    Assumptions.assumeFalse(Files.isReadable(secret), "root reads any file; the /proc case below still runs");
    assertEquals("cannot be read: permission denied", onlySkip(secret).reason());
  }

  @Test
  void aFileWhoseReadFailsIsSkippedWithTheReason() throws Exception {
    // /proc/self/mem has size 0 and fails with EIO when read at offset 0, whoever reads it.
    Assumptions.assumeTrue(Files.exists(Path.of("/proc/self/mem")), "needs Linux /proc");
    Path link = Files.createSymbolicLink(dir.resolve("mem"), Path.of("/proc/self/mem"));
    assertTrue(onlySkip(link).reason().startsWith("cannot be read: IOException"), onlySkip(link).reason());
  }

  @Test
  void linksToFoldersAreNotFollowedAndDanglingLinksAreNamed() throws Exception {
    Path sub = Files.createDirectories(dir.resolve("real"));
    Files.writeString(sub.resolve("site.conf"), "BOOT_TIMEOUT=180\n");
    Files.createSymbolicLink(dir.resolve("loop"), dir);
    Files.createSymbolicLink(dir.resolve("gone"), dir.resolve("nothing-here"));
    LintInputs.Result r = LintInputs.collect(List.of(dir));
    assertEquals(List.of(sub.resolve("site.conf").toString()), r.files().stream().map(SourceFile::path).toList());
    assertEquals(List.of(
            new LintReport.Skipped(dir.resolve("gone").toString(), "a symbolic link to nothing"),
            new LintReport.Skipped(dir.resolve("loop").toString(), "a symbolic link to a folder: not followed")),
        r.skipped());
  }

  @Test
  void thousandsOfFilesInNestedFoldersAreAllLintedInNameOrder() throws Exception {
    int n = 3000;
    for (int i = 0; i < n; i++) {
      Path f = dir.resolve(String.format("n%02d/s%03d/site.conf", i % 30, i / 30));
      Files.createDirectories(f.getParent());
      Files.writeString(f, i % 1000 == 0 ? "STOP_TIMEOUT=10\n" : "BOOT_TIMEOUT=180\n");
    }
    long start = System.nanoTime();
    LintReport report = ClusterKit.create().lint(List.of(dir));
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(n, report.linted().size());
    assertEquals(report.linted().stream().sorted().toList(), report.linted());
    assertEquals(3, report.findings().size(), report.findings().toString());
    assertTrue(millis < 30_000, "took " + millis + " ms");
  }
}
