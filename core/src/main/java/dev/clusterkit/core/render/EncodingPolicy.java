package dev.clusterkit.core.render;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * The bytes each kind of file must have to work where it runs, checked for every artifact. The
 * rules come from the programs that read the files: cmd.exe reads a batch file in the OEM code page
 * and mis-parses LF-only lines and a BOM; the Windows Script Host reads ANSI or UTF-16 with a BOM,
 * never UTF-8; Windows PowerShell 5.1 reads a BOM-less script as ANSI; shells want LF and no BOM.
 */
public final class EncodingPolicy {
  /** Code pages cmd.exe can be set to and that we emit: ASCII and the Japanese OEM code page. */
  static final Set<String> BATCH_CHARSETS = Set.of("US-ASCII", "windows-31j", "Shift_JIS");

  private EncodingPolicy() {}

  /**
   * Checks an artifact's bytes against the rules of its file kind.
   *
   * @throws IllegalArgumentException naming the file and the rule it breaks
   */
  static void check(String path, byte[] bytes, Charset charset, LineEnding lineEnding) {
    String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
    boolean utf8Bom = startsWith(bytes, 0xEF, 0xBB, 0xBF);
    boolean utf16Bom = startsWith(bytes, 0xFF, 0xFE);
    switch (ext) {
      case "bat", "cmd" -> {
        require(lineEnding == LineEnding.CRLF, path, "a batch file needs CRLF line ends");
        require(BATCH_CHARSETS.contains(charset.name()), path,
            "a batch file must be ASCII or the OEM code page CP932, not " + charset.name());
        require(!utf8Bom, path, "a batch file must not start with a BOM");
      }
      case "vbs" -> {
        require(lineEnding == LineEnding.CRLF, path, "a VBScript file needs CRLF line ends");
        require(!charset.equals(StandardCharsets.UTF_8), path,
            "the Windows Script Host cannot read UTF-8: use ASCII or UTF-16LE with a BOM");
        require(!charset.equals(StandardCharsets.UTF_16LE) || utf16Bom, path,
            "a UTF-16LE VBScript file needs its BOM");
      }
      case "ps1", "psm1" -> {
        require(lineEnding == LineEnding.CRLF, path, "a PowerShell script needs CRLF line ends");
        require(charset.equals(StandardCharsets.UTF_8) && utf8Bom, path,
            "a PowerShell script must be UTF-8 with a BOM, or Windows PowerShell 5.1 reads it as ANSI");
      }
      case "sh", "ksh", "bash" -> {
        require(lineEnding == LineEnding.LF, path, "a shell script needs LF line ends");
        require(!utf8Bom, path, "a shell script must not start with a BOM (the #! line would break)");
      }
      default -> {
        // Other files: any consistent encoding.
      }
    }
    if (charset.equals(StandardCharsets.US_ASCII)) {
      for (byte b : bytes) {
        require(b >= 0, path, "holds characters outside ASCII, its charset");
      }
    }
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static void require(boolean ok, String path, String rule) {
    if (!ok) {
      throw new IllegalArgumentException(path + ": " + rule);
    }
  }
}
