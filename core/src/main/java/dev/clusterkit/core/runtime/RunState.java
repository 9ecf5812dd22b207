package dev.clusterkit.core.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The run files of a site database: who the supervisor is ({@code run/cjcpw.pid}) and which daemons
 * were started ({@code run/daemons.state}). Each records the boot ID, because the database is on a
 * shared disk and a file written on the other node before a failover names PIDs of that node.
 */
final class RunState {
  private RunState() {}

  /** A started daemon. */
  record Daemon(String name, ProcessIdentity process) {}

  /** The daemons file: whether a supervisor watches them, and the daemons in start order. */
  record Daemons(boolean watched, List<Daemon> daemons) {
    /** The daemons that still run on this machine. */
    List<Daemon> alive() {
      return daemons.stream().filter(d -> d.process.isAlive()).toList();
    }
  }

  static void writeSupervisor(SiteDatabase db, ProcessIdentity self) throws IOException {
    AtomicFile.write(
        db.supervisorRecord(),
        "boot=" + ProcessIdentity.bootId() + "\npid=" + self.pid() + "\nstart=" + self.startTicks() + "\n");
  }

  /** The supervisor recorded for this boot of this machine, if the file exists. */
  static Optional<ProcessIdentity> readSupervisor(SiteDatabase db) throws IOException {
    List<String> lines = readLines(db.supervisorRecord());
    if (!lines.contains("boot=" + ProcessIdentity.bootId())) {
      return Optional.empty();
    }
    Optional<String> pid = value(lines, "pid=");
    Optional<String> start = value(lines, "start=");
    if (pid.isEmpty() || start.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ProcessIdentity(Long.parseLong(pid.get()), Long.parseLong(start.get())));
  }

  /** The supervisor that runs for this database now, checked against the PID's start time. */
  static Optional<ProcessIdentity> liveSupervisor(SiteDatabase db) throws IOException {
    return readSupervisor(db).filter(ProcessIdentity::isAlive);
  }

  static void writeDaemons(SiteDatabase db, Daemons state) throws IOException {
    StringBuilder s = new StringBuilder("boot=" + ProcessIdentity.bootId() + "\n");
    s.append("mode=").append(state.watched ? "watched" : "unwatched").append('\n');
    for (Daemon d : state.daemons) {
      s.append("daemon=")
          .append(d.name)
          .append(' ')
          .append(d.process.pid())
          .append(' ')
          .append(d.process.startTicks())
          .append('\n');
    }
    AtomicFile.write(db.daemonsState(), s.toString());
  }

  /** The daemons recorded for this boot of this machine (none when the file is from another boot). */
  static Daemons readDaemons(SiteDatabase db) throws IOException {
    List<String> lines = readLines(db.daemonsState());
    if (!lines.contains("boot=" + ProcessIdentity.bootId())) {
      return new Daemons(false, List.of());
    }
    List<Daemon> daemons = new ArrayList<>();
    for (String line : lines) {
      if (line.startsWith("daemon=")) {
        String[] f = line.substring("daemon=".length()).split(" ");
        if (f.length == 3) {
          daemons.add(new Daemon(f[0], new ProcessIdentity(Long.parseLong(f[1]), Long.parseLong(f[2]))));
        }
      }
    }
    return new Daemons(lines.contains("mode=watched"), daemons);
  }

  private static Optional<String> value(List<String> lines, String prefix) {
    return lines.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).findFirst();
  }

  private static List<String> readLines(Path file) throws IOException {
    try {
      return Files.readAllLines(file);
    } catch (NoSuchFileException e) {
      return List.of();
    }
  }
}
