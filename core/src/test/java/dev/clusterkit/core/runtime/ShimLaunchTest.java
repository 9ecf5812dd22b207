package dev.clusterkit.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A shim's text read back into what it runs: the inverse of {@link ShimInstaller#script}. */
class ShimLaunchTest {
  @Test
  void aShimReadsBackAsTheLaunchItWasWrittenFor() {
    Path archive = Path.of("/usr/lib/nqs/.clusterkit-shims.jsa");
    String text = ShimInstaller.script("cjcpw", "/opt/java dir/bin/java", "/a b/x.jar:/it's.jar", Optional.of(archive));
    List<String> options = new ArrayList<>(Jvm.options("/opt/java dir/bin/java"));
    options.addAll(ClassArchive.options(archive));

    ShimLaunch launch = ShimLaunch.read(text).orElseThrow();

    assertEquals(new ShimLaunch("/opt/java dir/bin/java", options, List.of("/a b/x.jar", "/it's.jar"), Optional.of(archive.toString())), launch);
  }

  @Test
  void withoutAnArchiveThereIsNone() {
    ShimLaunch launch = ShimLaunch.read(ShimInstaller.script("nqsstop", "/usr/bin/java", "/x.jar", Optional.empty())).orElseThrow();
    assertEquals(Optional.empty(), launch.classArchive());
    assertEquals(List.of("/x.jar"), launch.classPath());
  }

  @Test
  void whatIsNotAShimOrWasEditedIsNotRead() {
    String shim = ShimInstaller.script("cjcls", "/usr/bin/java", "/x.jar", Optional.empty());
    assertEquals(Optional.empty(), ShimLaunch.read("#!/bin/sh\n# JobCenter's cjcls\nexec /opt/nqs/bin/cjcls \"$@\"\n"));
    assertEquals(Optional.empty(), ShimLaunch.read(shim.replace("exec '/usr/bin/java'", "exec $JAVA")), "a variable");
    assertEquals(Optional.empty(), ShimLaunch.read(shim.replace("'/x.jar'", "'/x.jar")), "an open quote");
    assertEquals(Optional.empty(), ShimLaunch.read(shim.replace(" dev.clusterkit.core.runtime.JobCenterCommands", " other.Main")));
    assertEquals(Optional.empty(), ShimLaunch.read(""));
  }
}
