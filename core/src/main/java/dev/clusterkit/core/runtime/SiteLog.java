package dev.clusterkit.core.runtime;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The supervisor's log: each message goes to the console stream (what the cluster software
 * captures) and, with a UTC time stamp, to {@code nqs/log/cjcpw.log} in the site database.
 */
final class SiteLog {
  private final String prefix;
  private final PrintStream console;
  private final Optional<Path> file;

  SiteLog(String command, String site, PrintStream console, Optional<Path> file) {
    this.prefix = command + ": " + site + ": ";
    this.console = console;
    this.file = file;
  }

  synchronized void info(String message) {
    console.println(prefix + message);
    console.flush();
    file.ifPresent(
        f -> {
          try {
            Files.writeString(
                f,
                Instant.now().truncatedTo(ChronoUnit.MILLIS) + " " + prefix + message + "\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
          } catch (IOException e) {
            console.println(prefix + "cannot write " + f + ": " + e.getMessage());
          }
        });
  }
}
