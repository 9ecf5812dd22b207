package dev.clusterkit.core.doctor;

import dev.clusterkit.core.runtime.ShimLaunch;
import java.io.IOException;
import java.util.Optional;

/** Asks a JVM about the embedded runtime's shims. */
public interface JvmProbe {

  /**
   * What the shims' JVM says against their class archive, which it would otherwise ignore
   * silently; empty when the archive fits the shims' java and jars.
   */
  Optional<String> classArchiveMisfit(ShimLaunch launch) throws IOException;
}
