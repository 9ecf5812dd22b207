package dev.clusterkit.core.doctor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The users {@code getent passwd} lists (local files and directory services alike, as JobCenter
 * sees them), or {@code /etc/passwd} where getent does not run.
 */
final class LocalUsers implements UserDatabase {
  private static final Path PASSWD = Path.of("/etc/passwd");
  private String source = "getent passwd";

  @Override
  public List<PasswdEntry> users() throws IOException, NotSupportedException {
    try {
      Process p = new ProcessBuilder("getent", "passwd").redirectError(ProcessBuilder.Redirect.DISCARD).start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) {
        source = "getent passwd";
        return PasswdEntry.parse(out, "getent passwd");
      }
      p.destroyForcibly();
    } catch (IOException noGetent) {
      // Fall back to the file below.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running getent passwd", e);
    }
    if (!Files.isReadable(PASSWD)) {
      throw new NotSupportedException("neither 'getent passwd' nor " + PASSWD + " can be read here");
    }
    source = PASSWD.toString();
    return PasswdEntry.parse(Files.readString(PASSWD), PASSWD.toString());
  }

  @Override
  public String describe() {
    return source;
  }
}
