package dev.clusterkit.core.doctor;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** Forward and reverse host name lookups, as the site name needs them (guide 2.2.2, 2.3.3). */
public interface Resolver {

  /** The IPv4 addresses {@code name} resolves to; empty when it does not resolve. */
  List<String> addressesOf(String name) throws IOException;

  /** The name a reverse lookup of {@code address} gives. */
  Optional<String> nameOf(String address) throws IOException;

  /** Where lookups go, for the evidence: {@code hosts file /etc/hosts.test}, {@code the system resolver}. */
  String describe();
}
