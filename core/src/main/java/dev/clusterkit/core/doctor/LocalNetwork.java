package dev.clusterkit.core.doctor;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Addresses through the JDK's interfaces and a test bind; listeners through {@code /proc/net}. */
final class LocalNetwork implements Network {
  private static final Path PROC = Path.of("/proc");
  private static final Path NONLOCAL_BIND = Path.of("/proc/sys/net/ipv4/ip_nonlocal_bind");

  @Override
  public AddressState probe(String address) throws IOException {
    InetAddress inet = InetAddress.getByName(address);
    NetworkInterface nic = NetworkInterface.getByInetAddress(inet);
    if (nic != null) {
      return new AddressState(true, "interface " + nic.getName() + " has " + address);
    }
    if (Files.isReadable(NONLOCAL_BIND) && Files.readString(NONLOCAL_BIND).strip().equals("1")) {
      return new AddressState(false, "no interface has " + address + " (net.ipv4.ip_nonlocal_bind=1, so a test bind proves nothing)");
    }
    // 127.0.0.0/8 is local without being listed on lo; a bind to port 0 tells, and binds nothing that stays.
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress(inet, 0));
      return new AddressState(true, "no interface lists " + address + ", but a socket binds to it (a local route covers it)");
    } catch (BindException e) {
      return new AddressState(false, "no interface has " + address + " and a socket cannot bind to it (" + e.getMessage() + ")");
    }
  }

  @Override
  public List<Listener> listeners(int port) throws IOException, NotSupportedException {
    Path tcp = PROC.resolve("net/tcp");
    if (!Files.isReadable(tcp)) {
      throw new NotSupportedException(tcp + " does not exist: listening sockets are read on Linux only");
    }
    List<ProcNetTcp.Socket> sockets = new ArrayList<>(ProcNetTcp.parse(Files.readString(tcp), tcp.toString()));
    Path tcp6 = PROC.resolve("net/tcp6");
    if (Files.isReadable(tcp6)) {
      sockets.addAll(ProcNetTcp.parse(Files.readString(tcp6), tcp6.toString()));
    }
    sockets.removeIf(s -> s.port() != port);
    Map<Long, Long> owners = sockets.isEmpty() ? Map.of() : socketOwners();
    List<Listener> listeners = new ArrayList<>();
    for (ProcNetTcp.Socket s : sockets) {
      Optional<Long> pid = Optional.ofNullable(owners.get(s.inode()));
      listeners.add(new Listener(s.address(), s.port(), pid, pid.flatMap(LocalNetwork::commandLine)));
    }
    return listeners;
  }

  /** Socket inode to PID, for the processes whose descriptors this user may read. */
  private static Map<Long, Long> socketOwners() throws IOException {
    Map<Long, Long> owners = new HashMap<>();
    try (DirectoryStream<Path> pids = Files.newDirectoryStream(PROC, "[0-9]*")) {
      for (Path dir : pids) {
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(dir.resolve("fd"))) {
          for (Path fd : fds) {
            String target = Files.readSymbolicLink(fd).toString();
            if (target.startsWith("socket:[")) {
              owners.putIfAbsent(
                  Long.parseLong(target.substring(8, target.length() - 1)), Long.parseLong(dir.getFileName().toString()));
            }
          }
        } catch (IOException | NumberFormatException | SecurityException gone) {
          // Exited meanwhile, or not ours to read.
        }
      }
    }
    return owners;
  }

  private static Optional<String> commandLine(long pid) {
    try {
      byte[] raw = Files.readAllBytes(PROC.resolve(Long.toString(pid)).resolve("cmdline"));
      String line = new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').strip();
      return line.isEmpty() ? Optional.empty() : Optional.of(line);
    } catch (IOException gone) {
      return Optional.empty();
    }
  }
}
