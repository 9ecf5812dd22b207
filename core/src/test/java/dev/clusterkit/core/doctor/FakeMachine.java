package dev.clusterkit.core.doctor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/** A node for unit tests: every probe answers from fields the test sets. */
final class FakeMachine {
  final Map<String, List<String>> forward = new HashMap<>();
  final Map<String, String> reverse = new HashMap<>();
  String mountinfo = "27 1 254:0 / / rw,relatime - ext4 /dev/vda rw\n";
  String passwd = "root:x:0:0:root:/root:/bin/bash\n";
  final Set<String> up = new HashSet<>();
  final List<Listener> listeners = new ArrayList<>();
  boolean procNet = true;
  int umask = 022;
  OptionalLong stackKb = OptionalLong.of(8192);
  boolean nativeCalls = true;
  final Map<String, FileSystemView.FileInfo> files = new HashMap<>();
  final Map<String, String> texts = new HashMap<>();
  /** What the JVM says against a class archive, by archive path; fits when absent. */
  final Map<String, String> archiveMisfits = new HashMap<>();

  void host(String address, String... names) {
    for (String n : names) {
      forward.computeIfAbsent(n, k -> new ArrayList<>()).add(address);
    }
    reverse.putIfAbsent(address, names[0]);
  }

  /** A folder at {@code path} (its own real path) with {@code mode}, writable. */
  void folder(String path, int mode) {
    files.put(path, new FileSystemView.FileInfo(path, true, true, true, OptionalInt.of(mode)));
  }

  void file(String path, boolean executable) {
    files.put(path, new FileSystemView.FileInfo(path, false, true, executable, OptionalInt.of(executable ? 0755 : 0644)));
  }

  void listen(String address, int port, long pid, String command) {
    listeners.add(new Listener(address, port, Optional.of(pid), Optional.of(command)));
  }

  Machine machine() {
    Resolver resolver = new Resolver() {
      @Override
      public List<String> addressesOf(String name) {
        return forward.getOrDefault(name, List.of());
      }

      @Override
      public Optional<String> nameOf(String address) {
        return Optional.ofNullable(reverse.get(address));
      }

      @Override
      public String describe() {
        return "the fake resolver";
      }
    };
    MountTable mounts = () -> MountTable.parseMountInfo(mountinfo, "mountinfo");
    UserDatabase users = new UserDatabase() {
      @Override
      public List<PasswdEntry> users() {
        return PasswdEntry.parse(passwd, "local passwd");
      }

      @Override
      public String describe() {
        return "the fake passwd";
      }
    };
    Network network = new Network() {
      @Override
      public AddressState probe(String address) {
        return new AddressState(up.contains(address), "fake: " + address + (up.contains(address) ? " up" : " down"));
      }

      @Override
      public List<Listener> listeners(int port) throws NotSupportedException {
        if (!procNet) {
          throw new NotSupportedException("no /proc/net/tcp");
        }
        return listeners.stream().filter(l -> l.port() == port).toList();
      }
    };
    NativeLimits limits = new NativeLimits() {
      @Override
      public int umask() throws NotSupportedException {
        if (!nativeCalls) {
          throw new NotSupportedException("no libc");
        }
        return umask;
      }

      @Override
      public OptionalLong stackLimitKb() throws NotSupportedException {
        if (!nativeCalls) {
          throw new NotSupportedException("no libc");
        }
        return stackKb;
      }
    };
    FileSystemView fs = new FileSystemView() {
      @Override
      public Optional<FileInfo> stat(String path) {
        return Optional.ofNullable(files.get(path));
      }

      @Override
      public Optional<String> read(String path) {
        return Optional.ofNullable(texts.get(path));
      }
    };
    JvmProbe jvm = launch -> Optional.ofNullable(archiveMisfits.get(launch.classArchive().orElse("")));
    return new Machine(resolver, mounts, users, network, limits, fs, jvm);
  }
}
