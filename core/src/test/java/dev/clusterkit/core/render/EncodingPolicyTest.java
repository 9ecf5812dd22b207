package dev.clusterkit.core.render;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.Charset;
import org.junit.jupiter.api.Test;

class EncodingPolicyTest {
  private static String refused(String path, String text, Charset cs, LineEnding eol, boolean bom) {
    return assertThrows(IllegalArgumentException.class, () -> {
      if (bom) {
        Artifact.textWithBom(path, text, cs, eol, FileMode.REGULAR);
      } else {
        Artifact.text(path, text, cs, eol, FileMode.REGULAR);
      }
    }).getMessage();
  }

  @Test
  void batchFilesAreCrlfAsciiOrCp932WithoutBom() {
    assertEquals("start.bat: a batch file needs CRLF line ends", refused("start.bat", "x\n", US_ASCII, LineEnding.LF, false));
    assertEquals("a/stop.cmd: a batch file must be ASCII or the OEM code page CP932, not UTF-8",
        refused("a/stop.cmd", "x\n", UTF_8, LineEnding.CRLF, false));
    Artifact sjis = Artifact.text("s.bat", "echo ジョブ\n", Charset.forName("windows-31j"), LineEnding.CRLF, FileMode.REGULAR);
    assertArrayEquals("echo ジョブ\r\n".getBytes(Charset.forName("windows-31j")), sjis.bytes());
  }

  @Test
  void asciiArtifactsRefuseOtherCharacters() {
    assertEquals("s.bat: holds characters that US-ASCII cannot encode",
        refused("s.bat", "echo ジョブ\n", US_ASCII, LineEnding.CRLF, false));
  }

  @Test
  void vbscriptIsNeverUtf8AndUtf16NeedsItsBom() {
    assertEquals("r.vbs: the Windows Script Host cannot read UTF-8: use ASCII or UTF-16LE with a BOM",
        refused("r.vbs", "x\n", UTF_8, LineEnding.CRLF, false));
    assertEquals("r.vbs: a UTF-16LE VBScript file needs its BOM", refused("r.vbs", "x\n", UTF_16LE, LineEnding.CRLF, false));
    Artifact ok = Artifact.textWithBom("r.vbs", "x\n", UTF_16LE, LineEnding.CRLF, FileMode.REGULAR);
    assertArrayEquals(new byte[] {(byte) 0xFF, (byte) 0xFE, 'x', 0, '\r', 0, '\n', 0}, ok.bytes());
    assertEquals("x\n", ok.text());
  }

  @Test
  void powershellIsUtf8WithBomAndCrlf() {
    assertEquals("p.ps1: a PowerShell script must be UTF-8 with a BOM, or Windows PowerShell 5.1 reads it as ANSI",
        refused("p.ps1", "x\n", UTF_8, LineEnding.CRLF, false));
    assertEquals("p.ps1: a PowerShell script needs CRLF line ends", refused("p.ps1", "x\n", UTF_8, LineEnding.LF, true));
    Artifact ok = Artifact.textWithBom("p.ps1", "x\n", UTF_8, LineEnding.CRLF, FileMode.REGULAR);
    assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'x', '\r', '\n'}, ok.bytes());
  }

  @Test
  void shellScriptsAreLfWithoutBom() {
    assertEquals("start.sh: a shell script needs LF line ends", refused("start.sh", "x\n", UTF_8, LineEnding.CRLF, false));
    assertEquals("start.sh: a shell script must not start with a BOM (the #! line would break)",
        refused("start.sh", "x\n", UTF_8, LineEnding.LF, true));
  }
}
