package dev.clusterkit.core.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterkit.core.runtime.RuntimeSettings;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real probes on this (Linux) machine. */
class LocalMachineTest {
  @TempDir Path tmp;

  @Test
  void aListenerOfThisJvmIsFoundWithItsPidAndTheLoopbackAddressIsUp() throws Exception {
    Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "needs Linux /proc");
    Machine machine = Machine.local(RuntimeSettings.defaults());
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.9"), 0));
      List<Listener> found = machine.network().listeners(s.getLocalPort());
      assertEquals(1, found.size(), found.toString());
      assertEquals("127.0.0.9", found.get(0).address());
      assertEquals(ProcessHandle.current().pid(), found.get(0).pid().orElseThrow());
      assertTrue(found.get(0).command().orElseThrow().contains("java"), found.get(0).command().toString());
    }
    assertTrue(machine.network().probe("127.0.0.9").up());
    assertTrue(machine.network().probe("127.0.0.1").evidence().startsWith("interface lo"));
    assertFalse(machine.network().probe("192.0.2.77").up(), "TEST-NET-1 is nobody's address");
  }

  @Test
  void mountsUsersAndLimitsOfThisMachine() throws Exception {
    Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/self/mountinfo")), "needs Linux /proc");
    Machine machine = Machine.local(RuntimeSettings.defaults());
    assertEquals("/", MountTable.containing(machine.mounts().mounts(), "/").orElseThrow().mountPoint());
    assertTrue(machine.users().users().stream().anyMatch(u -> u.name().equals("root") && u.uid() == 0));
    int umask = machine.limits().umask();
    assertTrue(umask >= 0 && umask <= 0777);
    machine.limits().stackLimitKb().ifPresent(kb -> assertTrue(kb > 0));
  }

  @Test
  void hostsFileOfTheRuntimeSettingsAnswersBothWays() throws Exception {
    Path hosts = tmp.resolve("hosts");
    Files.writeString(hosts, "127.0.0.5 doctor.example.test doctor\n");
    Machine machine = Machine.local(RuntimeSettings.fromEnvironment(Map.of("CLUSTERKIT_HOSTS_FILE", hosts.toString())));
    assertEquals(List.of("127.0.0.5"), machine.resolver().addressesOf("doctor"));
    assertEquals("doctor.example.test", machine.resolver().nameOf("127.0.0.5").orElseThrow());
    assertTrue(machine.resolver().describe().contains(hosts.toString()));
  }

  @Test
  void filesReportRealPathAndMode() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("db"));
    Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-x---"));
    Files.createSymbolicLink(tmp.resolve("link"), dir);
    FileSystemView.FileInfo info = new LocalFiles().stat(tmp.resolve("link").toString()).orElseThrow();
    assertEquals(dir.toRealPath().toString(), info.realPath());
    assertEquals(0750, info.mode().getAsInt());
    assertTrue(info.directory());
    assertTrue(new LocalFiles().stat(tmp.resolve("none").toString()).isEmpty());
  }
}
