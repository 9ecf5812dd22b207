package dev.clusterkit.core.doctor;

import java.io.IOException;
import java.util.List;

/** The addresses of this node and the TCP ports listened on. */
public interface Network {

  /** Whether {@code address} is up on this node, and how that was seen. */
  AddressState probe(String address) throws IOException, NotSupportedException;

  /** The sockets listening on TCP {@code port}, on any address. */
  List<Listener> listeners(int port) throws IOException, NotSupportedException;

  /** An address's state: up here or not, and the evidence. */
  record AddressState(boolean up, String evidence) {}
}
