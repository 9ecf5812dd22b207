package dev.clusterkit.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** libc through JNA against what the kernel shows in /proc, and group signals to real processes. */
@EnabledOnOs(OS.LINUX)
class NativePosixTest {
  private final Posix posix = Posix.system();

  @Test
  void jnaLoadsLibc() {
    assertTrue(posix.supported(), "JNA loads libc on Linux");
  }

  /**
   * The shims give JNA a library search path of their own (JNA would otherwise run {@code ldconfig
   * -p}, a process, on every start to build one); libc must load without JNA's.
   */
  @Test
  void libcLoadsWithoutJnasLibrarySearchPath() throws Exception {
    Process p =
        new ProcessBuilder(
                Jvm.java(), "-Djna.platform.library.path=/nonexistent", "-cp", Jvm.classPath(), LibcProbe.class.getName())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals("libc through JNA: true", out);
  }

  /** Prints whether libc loaded through JNA in this JVM. */
  static final class LibcProbe {
    public static void main(String[] args) {
      System.out.println("libc through JNA: " + Posix.system().supported());
    }
  }

  @Test
  void umaskThroughJnaIsTheKernelsAndIsLeftAsItWas() {
    int before = NativePosix.procUmask().orElseThrow();
    assertEquals(before, posix.umask());
    assertEquals(before, NativePosix.procUmask().orElseThrow(), "reading the umask must not change it");
  }

  @Test
  void stackLimitThroughJnaIsTheKernels() {
    assertEquals(NativePosix.procStackLimit(), posix.stackLimit());
  }

  @Test
  void signalGroupReachesEveryMemberAndReportsAnEmptyGroup() throws Exception {
    Process leader = new ProcessBuilder(List.of("setsid", "sh", "-c", "sleep 60 & sleep 60 & wait")).start();
    try {
      long pgid = leader.pid();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (leader.descendants().count() < 2 && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      List<ProcessHandle> members = leader.descendants().toList();
      assertEquals(2, members.size());
      assertTrue(posix.signalGroup(pgid, Posix.SIGKILL));
      assertTrue(leader.waitFor(10, TimeUnit.SECONDS));
      for (ProcessHandle m : members) {
        m.onExit().get(10, TimeUnit.SECONDS);
      }
      deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (ProcessIdentity.groupAlive(pgid) && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertFalse(ProcessIdentity.groupAlive(pgid));
    } finally {
      leader.descendants().forEach(ProcessHandle::destroyForcibly);
      leader.destroyForcibly();
    }
  }
}
