package dev.clusterkit.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which JDK a launcher belongs to, and the options its helper JVMs and shims get. */
class JvmTest {
  @TempDir Path tmp;

  @Test
  void theFeatureReleaseComesFromTheReleaseFileOfTheLaunchersHome() throws Exception {
    assertEquals(OptionalInt.of(25), Jvm.featureRelease(jdk("jdk25", "JAVA_VERSION=\"25.0.1\"")));
    assertEquals(OptionalInt.of(17), Jvm.featureRelease(jdk("jdk17", "IMPLEMENTOR=\"Debian\"\nJAVA_VERSION=\"17.0.15\"")));
    assertEquals(OptionalInt.of(8), Jvm.featureRelease(jdk("jdk8", "JAVA_VERSION=\"1.8.0_402\"")));
    assertEquals(OptionalInt.of(26), Jvm.featureRelease(jdk("ea", "JAVA_VERSION=\"26-ea\"")));
    assertEquals(OptionalInt.empty(), Jvm.featureRelease(jdk("garbled", "JAVA_VERSION=\"x\"")));
    Path bare = Files.createDirectories(tmp.resolve("bare/bin")).resolve("java");
    Files.writeString(bare, "");
    assertEquals(OptionalInt.empty(), Jvm.featureRelease(bare), "no release file");
    assertEquals(OptionalInt.empty(), Jvm.featureRelease(tmp.resolve("missing/bin/java")));
  }

  @Test
  void theRunningJdksLauncherIsKnown() {
    assertEquals(OptionalInt.of(Runtime.version().feature()), Jvm.featureRelease(Path.of(Jvm.java())));
  }

  @Test
  void nativeAccessIsEnabledOnlyWhereTheJdkWouldWarnWithoutIt() {
    String option = "--enable-native-access=ALL-UNNAMED";
    assertTrue(Jvm.options(OptionalInt.of(24)).contains(option));
    assertTrue(Jvm.options(OptionalInt.of(25)).contains(option));
    assertFalse(Jvm.options(OptionalInt.of(17)).contains(option), "on 17 it would turn off the archived module graph");
    assertFalse(Jvm.options(OptionalInt.of(23)).contains(option));
    assertFalse(Jvm.options(OptionalInt.empty()).contains(option), "unknown JDK: the options every JDK takes");
  }

  private Path jdk(String name, String release) throws Exception {
    Path home = Files.createDirectories(tmp.resolve(name));
    Files.writeString(home.resolve("release"), release + "\n");
    Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
    Files.writeString(java, "");
    return java;
  }
}
