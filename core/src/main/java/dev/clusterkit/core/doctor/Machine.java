package dev.clusterkit.core.doctor;

import dev.clusterkit.core.runtime.ClassArchive;
import dev.clusterkit.core.runtime.Posix;
import dev.clusterkit.core.runtime.RuntimeSettings;
import java.util.Objects;

/** Everything the checks read from the node, each part replaceable by a fake in tests. */
public record Machine(
    Resolver resolver,
    MountTable mounts,
    UserDatabase users,
    Network network,
    NativeLimits limits,
    FileSystemView files,
    JvmProbe jvm) {

  public Machine {
    Objects.requireNonNull(resolver, "resolver");
    Objects.requireNonNull(mounts, "mounts");
    Objects.requireNonNull(users, "users");
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(files, "files");
    Objects.requireNonNull(jvm, "jvm");
  }

  /**
   * This machine. Names are looked up as the embedded runtime looks them up: in the hosts file
   * {@code CLUSTERKIT_HOSTS_FILE} names, otherwise through the system resolver.
   */
  public static Machine local(RuntimeSettings settings) {
    return new Machine(
        new LocalResolver(settings.hostsFile()),
        new ProcMounts(),
        new LocalUsers(),
        new LocalNetwork(),
        new PosixLimits(Posix.system()),
        new LocalFiles(),
        ClassArchive::misfit);
  }
}
