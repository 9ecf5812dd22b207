package dev.clusterkit.core.runtime;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What the agent sends its client: frames of a type byte and a big-endian 32-bit number, then that
 * many bytes for output. {@code A} (no bytes) says the command is taken and about to run; {@code
 * O} and {@code E} carry its standard output and error, {@code X} ends the run with the exit code
 * as its number; {@code D} (nothing ran) tells the client to run the command directly, in a JVM of
 * its own, with the reason as its bytes. A client whose connection ends before {@code A} may do the
 * same: nothing ran. A client that is
 * gone is not an error here: its command runs on, and the writes are dropped.
 */
final class AgentFrames {
  static final byte OUT = 'O';
  static final byte ERR = 'E';
  static final byte EXIT = 'X';
  static final byte DIRECT = 'D';
  static final byte ACCEPTED = 'A';

  /** The one frame a client sends after its request: a signal it received, by number. */
  static final byte SIGNAL = 'S';

  private final WritableByteChannel channel;
  private boolean broken;

  AgentFrames(WritableByteChannel channel) {
    this.channel = channel;
  }

  void send(byte type, byte[] data) {
    write(ByteBuffer.allocate(5 + data.length).put(type).putInt(data.length).put(data).flip());
  }

  void exit(int code) {
    write(ByteBuffer.allocate(5).put(EXIT).putInt(code).flip());
  }

  private synchronized void write(ByteBuffer frame) {
    if (broken) {
      return;
    }
    try {
      while (frame.hasRemaining()) {
        channel.write(frame);
      }
    } catch (IOException gone) {
      broken = true;
    }
  }

  void accepted() {
    send(ACCEPTED, new byte[0]);
  }

  void direct(String reason) {
    send(DIRECT, reason.getBytes(StandardCharsets.UTF_8));
  }

  /** A stream whose writes become frames of {@code type}, flushed at each line. */
  PrintStream stream(byte type) {
    OutputStream frames =
        new OutputStream() {
          @Override
          public void write(int b) {
            send(type, new byte[] {(byte) b});
          }

          @Override
          public void write(byte[] b, int off, int len) {
            if (len > 0) {
              send(type, Arrays.copyOfRange(b, off, off + len));
            }
          }
        };
    return new PrintStream(frames, true, StandardCharsets.UTF_8);
  }
}
