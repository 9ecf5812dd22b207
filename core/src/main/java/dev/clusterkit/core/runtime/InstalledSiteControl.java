package dev.clusterkit.core.runtime;

import dev.clusterkit.core.io.FileTrees;
import dev.clusterkit.core.site.CjclsTable;
import dev.clusterkit.core.site.InstallLayout;
import dev.clusterkit.core.site.MachineId;
import dev.clusterkit.core.site.Platform;
import dev.clusterkit.core.site.SiteCommand;
import dev.clusterkit.core.site.SiteControl;
import dev.clusterkit.core.site.SiteControlException;
import dev.clusterkit.core.site.SiteDatabasePath;
import dev.clusterkit.core.site.SiteName;
import dev.clusterkit.core.site.SiteSelection;
import dev.clusterkit.core.site.SiteStatus;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@link SiteControl} over an installed JobCenter: runs the commands of the install layout
 * ({@code /usr/lib/nqs/cluster/cjcpw} ...) and reads their output. Any non-zero exit is a {@link
 * SiteControlException.CommandFailed} carrying the command's output.
 */
public final class InstalledSiteControl implements SiteControl {
  private final InstallLayout layout;
  private final String hostName;
  private final Duration timeout;

  /**
   * @param timeout how long one command may run ({@code cjcpw SITE DBPATH} watches the site and is
   *     not limited)
   */
  public InstalledSiteControl(InstallLayout layout, String hostName, Duration timeout) {
    if (layout.platform().family() != Platform.Family.POSIX) {
      throw new IllegalArgumentException(
          "the installed JobCenter commands are driven on UNIX platforms only, not on " + layout.platform().id());
    }
    this.layout = layout;
    this.hostName = hostName;
    this.timeout = timeout;
  }

  /** What a finished command did. */
  private record Result(List<String> command, int exitCode, String output) {}

  @Override
  public SiteStatus create(SiteName name, MachineId machineId, SiteDatabasePath database, boolean replace)
      throws SiteControlException {
    if (replace) {
      throw new SiteControlException.Refused(
          "the installed cjcmksite cannot replace a site database: delete it first (guide 2.6.1)");
    }
    check(run(SiteCommand.CJCMKSITE, Optional.of(timeout), name.value(), machineId.toString(), database.value()));
    return find(name);
  }

  @Override
  public SiteExit runWatched(SiteName name, SiteDatabasePath database) throws SiteControlException {
    Result r = run(SiteCommand.CJCPW, Optional.empty(), name.value(), database.value());
    return new SiteExit(r.exitCode, r.exitCode == 0 ? "cjcpw ended" : "cjcpw exited with code " + r.exitCode + tail(r.output));
  }

  @Override
  public void startUnwatched(SiteName name, SiteDatabasePath database) throws SiteControlException {
    check(run(SiteCommand.CJCPW, Optional.of(timeout), "-c", name.value(), database.value()));
  }

  @Override
  public void stop(SiteName name) throws SiteControlException {
    check(run(SiteCommand.CJCPW, Optional.of(timeout), "-stop", name.value()));
  }

  @Override
  public List<SiteStatus> list() throws SiteControlException {
    Result r = check(run(SiteCommand.CJCLS, Optional.of(timeout)));
    return CjclsTable.parse(r.output, layout.command(SiteCommand.CJCLS));
  }

  @Override
  public void startDaemons(SiteName name) throws SiteControlException {
    check(run(SiteCommand.NQSSTART, Optional.of(timeout), name.value()));
  }

  @Override
  public void stopDaemons(SiteName name) throws SiteControlException {
    check(run(SiteCommand.NQSSTOP, Optional.of(timeout), name.value()));
  }

  @Override
  public void keepPort(String address) throws SiteControlException {
    check(run(SiteCommand.NQSPORTKPR, Optional.of(timeout), address));
  }

  /** The UNIX steps of guide 2.6.1: remove the spool link, then (DELETE) the database's content. */
  @Override
  public void delete(SiteName name, DeleteMode mode) throws SiteControlException {
    SiteStatus site = find(name);
    if (site.supervised() || site.daemonsRunning()) {
      throw new SiteControlException.AlreadyRunning("site " + name + " is running: stop it before deleting it");
    }
    try {
      Files.deleteIfExists(Path.of(site.link()));
      if (mode == DeleteMode.DELETE) {
        FileTrees.deleteContents(Path.of(site.database()));
      }
    } catch (IOException e) {
      throw new SiteControlException.Refused("cannot delete site " + name + ": " + e.getMessage(), e);
    }
  }

  @Override
  public SiteSelection resolve(Optional<String> nqsSite) throws SiteControlException {
    return SiteSelection.resolve(nqsSite, hostName, list());
  }

  private SiteStatus find(SiteName name) throws SiteControlException {
    List<SiteStatus> sites = list();
    for (SiteStatus s : sites) {
      if (s.isNamed(name.value()) || s.isNamed(name.shortName())) {
        return s;
      }
    }
    throw new SiteControlException.UnknownSite(name.value(), sites.stream().map(SiteStatus::name).toList());
  }

  private Result run(SiteCommand command, Optional<Duration> limit, String... args) throws SiteControlException {
    List<String> cmd = new ArrayList<>();
    cmd.add(layout.command(command));
    cmd.addAll(List.of(args));
    try {
      // The commands take the site from their arguments; an inherited NQS_SITE must not change that.
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      pb.environment().remove("NQS_SITE");
      Path output = Files.createTempFile("clusterkit-jobcenter", ".out");
      try {
        pb.redirectOutput(output.toFile());
        Process p = pb.start();
        boolean done = limit.isEmpty() ? p.waitFor() >= Integer.MIN_VALUE : p.waitFor(limit.get().toMillis(), TimeUnit.MILLISECONDS);
        if (!done) {
          p.descendants().forEach(ProcessHandle::destroyForcibly);
          p.destroyForcibly();
          throw new SiteControlException.CommandFailed(cmd, "no result within " + limit.get().toSeconds() + " s", null);
        }
        return new Result(cmd, p.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(output);
      }
    } catch (IOException e) {
      throw new SiteControlException.CommandFailed(cmd, e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SiteControlException.CommandFailed(cmd, "interrupted", e);
    }
  }

  private static Result check(Result r) throws SiteControlException {
    if (r.exitCode != 0) {
      throw new SiteControlException.CommandFailed(r.command, r.exitCode, r.output);
    }
    return r;
  }

  private static String tail(String output) {
    String s = output.strip();
    return s.isEmpty() ? "" : ": " + s.substring(Math.max(0, s.length() - 500));
  }
}
