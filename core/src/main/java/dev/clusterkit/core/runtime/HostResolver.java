package dev.clusterkit.core.runtime;

import dev.clusterkit.core.site.RelocatableAddress;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Maps site names to addresses and back: through a hosts(5) file when the settings name one (tests,
 * and machines without DNS for the site names), otherwise through the system resolver. Public for
 * {@code clusterkit doctor}, which must look names up exactly as the runtime does.
 */
public final class HostResolver {
  private final Optional<Path> hostsFile;

  public HostResolver(Optional<Path> hostsFile) {
    this.hostsFile = hostsFile;
  }

  /** One hosts line: an address, its canonical name, then aliases. */
  private record Entry(String address, List<String> names) {}

  /** The IPv4 address {@code name} resolves to; a dotted address resolves to itself. */
  public Optional<RelocatableAddress> addressOf(String name) throws IOException {
    if (name.matches("[0-9.]+")) {
      return Optional.of(new RelocatableAddress(name));
    }
    if (hostsFile.isPresent()) {
      for (Entry e : entries()) {
        if (e.names.stream().anyMatch(n -> n.equalsIgnoreCase(name)) && isIpv4(e.address)) {
          return Optional.of(new RelocatableAddress(e.address));
        }
      }
      return Optional.empty();
    }
    try {
      for (InetAddress a : InetAddress.getAllByName(name)) {
        if (a instanceof Inet4Address) {
          return Optional.of(new RelocatableAddress(a.getHostAddress()));
        }
      }
      return Optional.empty();
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  /** The name a reverse lookup of {@code address} gives (the first name of its hosts line). */
  public Optional<String> nameOf(RelocatableAddress address) throws IOException {
    if (hostsFile.isPresent()) {
      return entries().stream()
          .filter(e -> e.address.equals(address.value()))
          .map(e -> e.names.get(0))
          .findFirst();
    }
    InetAddress a = InetAddress.getByName(address.value());
    String name = a.getCanonicalHostName();
    return name.equals(address.value()) ? Optional.empty() : Optional.of(name);
  }

  private List<Entry> entries() throws IOException {
    Path file = hostsFile.orElseThrow();
    return Files.readAllLines(file).stream()
        .map(l -> l.contains("#") ? l.substring(0, l.indexOf('#')) : l)
        .map(String::strip)
        .filter(l -> !l.isEmpty())
        .map(l -> l.split("\\s+"))
        .filter(f -> f.length >= 2)
        .map(f -> new Entry(f[0], List.of(f).subList(1, f.length)))
        .toList();
  }

  private static boolean isIpv4(String s) {
    try {
      new RelocatableAddress(s);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  static boolean sameName(String a, String b) {
    return a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
  }
}
