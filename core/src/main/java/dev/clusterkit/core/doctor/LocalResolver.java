package dev.clusterkit.core.doctor;

import dev.clusterkit.core.runtime.HostResolver;
import dev.clusterkit.core.site.RelocatableAddress;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Lookups through the runtime's {@link HostResolver}, so doctor and cjcmksite agree. */
final class LocalResolver implements Resolver {
  private final HostResolver resolver;
  private final Optional<Path> hostsFile;

  LocalResolver(Optional<Path> hostsFile) {
    this.hostsFile = hostsFile;
    this.resolver = new HostResolver(hostsFile);
  }

  @Override
  public List<String> addressesOf(String name) throws IOException {
    return resolver.addressOf(name).map(a -> List.of(a.value())).orElse(List.of());
  }

  @Override
  public Optional<String> nameOf(String address) throws IOException {
    return resolver.nameOf(new RelocatableAddress(address));
  }

  @Override
  public String describe() {
    return hostsFile.map(f -> "hosts file " + f + " (CLUSTERKIT_HOSTS_FILE)").orElse("the system resolver");
  }
}
