package dev.clusterkit.core.doctor;

import dev.clusterkit.core.runtime.Posix;
import java.util.OptionalLong;

/** The limits through the runtime's {@link Posix} (libc through JNA, or {@code /proc}). */
final class PosixLimits implements NativeLimits {
  private final Posix posix;

  PosixLimits(Posix posix) {
    this.posix = posix;
  }

  @Override
  public int umask() throws NotSupportedException {
    try {
      return posix.umask();
    } catch (UnsupportedOperationException | UnsatisfiedLinkError e) {
      throw new NotSupportedException("the umask cannot be read here: " + e.getMessage());
    }
  }

  @Override
  public OptionalLong stackLimitKb() throws NotSupportedException {
    OptionalLong bytes;
    try {
      bytes = posix.stackLimit();
    } catch (UnsupportedOperationException | UnsatisfiedLinkError e) {
      throw new NotSupportedException("the stack size limit cannot be read here: " + e.getMessage());
    }
    if (bytes.isPresent()) {
      return OptionalLong.of(bytes.getAsLong() / 1024);
    }
    // Without libc an empty answer may also mean "unknown"; only getrlimit(2) tells unlimited apart.
    if (!posix.supported()) {
      throw new NotSupportedException("the stack size limit cannot be read here: no libc through JNA");
    }
    return OptionalLong.empty();
  }
}
