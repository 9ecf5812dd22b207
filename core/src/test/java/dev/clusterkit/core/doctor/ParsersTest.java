package dev.clusterkit.core.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The text formats the local probes read: mountinfo, passwd, /proc/net/tcp. */
class ParsersTest {
  static final String MOUNTINFO =
      """
      27 1 254:0 / / rw,relatime - ext4 /dev/vda rw,discard
      40 27 8:17 / /mnt rw,relatime shared:1 - xfs /dev/sdb1 rw
      41 40 0:39 / /mnt/job\\040db rw,nosuid master:2 shared:3 - tmpfs tmpfs rw,size=1024k
      42 40 0:40 / /mnt/job ro - nfs srv:/export ro
      43 41 0:41 / /mnt/job\\040db rw - tmpfs other rw
      """;

  @Test
  void mountinfoUnescapesAndKeepsOrder() {
    List<Mount> mounts = MountTable.parseMountInfo(MOUNTINFO, "mountinfo");
    assertEquals(5, mounts.size());
    assertEquals(new Mount("/mnt/job db", "tmpfs", "tmpfs", List.of("rw", "nosuid", "rw", "size=1024k")), mounts.get(2));
    assertTrue(mounts.get(3).readOnly());
  }

  @Test
  void theLongestAndLastMountHoldsAPath() {
    List<Mount> mounts = MountTable.parseMountInfo(MOUNTINFO, "mountinfo");
    assertEquals("other", MountTable.containing(mounts, "/mnt/job db/nqs").orElseThrow().source());
    assertEquals("/mnt/job", MountTable.containing(mounts, "/mnt/job").orElseThrow().mountPoint());
    assertEquals("/mnt", MountTable.containing(mounts, "/mnt/jobs").orElseThrow().mountPoint());
    assertEquals("/", MountTable.containing(mounts, "/srv").orElseThrow().mountPoint());
  }

  @Test
  void mountinfoLineWithoutSeparatorIsNamed() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> MountTable.parseMountInfo("27 1 254:0 / / rw ext4\n", "mi"));
    assertTrue(e.getMessage().startsWith("mi:1: '27 1 254:0 / / rw ext4' is not a mountinfo line"), e.getMessage());
  }

  @Test
  void passwdSkipsCommentsAndKeepsTheFirstOfAName() {
    List<PasswdEntry> users = PasswdEntry.parse("# c\nroot:x:0:0::/root:/bin/sh\n+nis\n\nalice:x:1000:100:A:/h:/s\nalice:x:5:5::/:/\n", "f");
    assertEquals(List.of(new PasswdEntry("root", 0, 0), new PasswdEntry("alice", 1000, 100)), users);
  }

  @Test
  void passwdErrorsNameFileAndLine() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PasswdEntry.parse("root:x:0:0::/:/\nbob:x:one:1\n", "peer"));
    assertEquals("peer:2: user bob has UID 'one', which is not a number from 0 to 4294967295", e.getMessage());
    IllegalArgumentException short3 = assertThrows(IllegalArgumentException.class, () -> PasswdEntry.parse("bob:x:1\n", "peer"));
    assertTrue(short3.getMessage().startsWith("peer:1: 'bob:x:1' is not a passwd line"), short3.getMessage());
  }

  @Test
  void procNetTcpListenersOfBothFamilies() {
    String tcp = """
          sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
           0: 0500007F:025F 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1111 1 0 100 0 0 10 0
           1: 00000000:0016 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 2222 1 0 100 0 0 10 0
           2: 0500007F:025F 0100007F:9C40 01 00000000:00000000 00:00000000 00000000     0        0 3333 1 0 100 0 0 10 0
        """;
    String tcp6 = """
          sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
           0: 0000000000000000FFFF00000600007F:025F 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 4444 1 0 100 0 0 10 0
           1: 00000000000000000000000000000000:0263 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 5555 1 0 100 0 0 10 0
           2: 00000000000000000000000001000000:0263 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 6666 1 0 100 0 0 10 0
        """;
    assertEquals(List.of(new ProcNetTcp.Socket("127.0.0.5", 607, 1111), new ProcNetTcp.Socket("0.0.0.0", 22, 2222)),
        ProcNetTcp.parse(tcp, "tcp"));
    assertEquals(List.of(new ProcNetTcp.Socket("127.0.0.6", 607, 4444), new ProcNetTcp.Socket("::", 611, 5555),
        new ProcNetTcp.Socket("0:0:0:0:0:0:0:1", 611, 6666)), ProcNetTcp.parse(tcp6, "tcp6"));
  }

  @Test
  void aJvmListenerShowsItsMainClassNotItsClassPath() {
    String cp = "/a/very/long/class/path.jar:".repeat(20);
    assertEquals("/usr/bin/java -Xmx32m -cp ... dev.clusterkit.core.runtime.PortDaemon 127.0.0.5 607",
        Listener.abbreviate("/usr/bin/java -Xmx32m -cp " + cp + " dev.clusterkit.core.runtime.PortDaemon 127.0.0.5 607"));
  }
}
