package dev.clusterkit.it.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A {@code cjcpw} child process, with each line it prints and the time it was read. */
final class Supervised {
  /** One line of output and {@link System#nanoTime} when it was read. */
  record Line(String text, long at) {}

  private static final Line EOF = new Line("", 0);

  final Process process;
  final long startedAt;
  private final List<Line> lines = new CopyOnWriteArrayList<>();
  private final BlockingQueue<Line> fresh = new LinkedBlockingQueue<>();

  private Supervised(Process process, long startedAt) {
    this.process = process;
    this.startedAt = startedAt;
    Thread reader = new Thread(this::read, "cjcpw-output");
    reader.setDaemon(true);
    reader.start();
  }

  static Supervised start(ProcessBuilder pb) throws IOException {
    long t0 = System.nanoTime();
    Process p = pb.redirectErrorStream(true).start();
    return new Supervised(p, t0);
  }

  private void read() {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String s;
      while ((s = r.readLine()) != null) {
        Line l = new Line(s, System.nanoTime());
        lines.add(l);
        fresh.add(l);
      }
    } catch (IOException gone) {
      // The process ended.
    } finally {
      fresh.add(EOF);
    }
  }

  /** Waits for a line containing {@code fragment}; fails with all output when it never comes. */
  Line await(String fragment, Duration within) throws InterruptedException {
    for (Line l : lines) {
      if (l.text().contains(fragment)) {
        return l;
      }
    }
    long deadline = System.nanoTime() + within.toNanos();
    while (true) {
      Line l = fresh.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (l == null || l == EOF) {
        throw new IllegalStateException("cjcpw never printed '" + fragment + "':\n" + output());
      }
      if (l.text().contains(fragment)) {
        return l;
      }
    }
  }

  Optional<Line> find(String fragment) {
    return lines.stream().filter(l -> l.text().contains(fragment)).findFirst();
  }

  String output() {
    StringBuilder s = new StringBuilder();
    lines.forEach(l -> s.append(l.text()).append('\n'));
    return s.toString();
  }
}
