package dev.clusterkit.core.runtime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;

/**
 * What the agent reads from a client, buffered: first the request's NUL-terminated fields, then
 * signal frames. One reader serves both, so bytes read ahead while parsing the request are not
 * lost. It reads the channel directly, not through {@code Channels.newInputStream}, whose blocking
 * read would hold a lock the writes of the answer need.
 */
final class AgentInput {
  private final ReadableByteChannel in;
  private final ByteBuffer buf = ByteBuffer.allocate(8192).flip();
  private long total;

  AgentInput(ReadableByteChannel in) {
    this.in = in;
  }

  /** The next byte, or -1 at the end of the stream. */
  int read() throws IOException {
    if (!buf.hasRemaining() && !fill()) {
      return -1;
    }
    return buf.get() & 0xff;
  }

  /** A big-endian 32-bit number; -1 at the end of the stream. */
  long readInt() throws IOException {
    long n = 0;
    for (int i = 0; i < 4; i++) {
      int b = read();
      if (b < 0) {
        return -1;
      }
      n = (n << 8) | b;
    }
    return n;
  }

  /** The next NUL-terminated field, which must be UTF-8 (a JVM of the client's own would take any bytes). */
  String field(String what) throws IOException {
    ByteArrayOutputStream field = new ByteArrayOutputStream();
    while (true) {
      int b = read();
      if (b < 0) {
        throw new IOException("the request ended before its " + what);
      }
      if (b == 0) {
        try {
          return StandardCharsets.UTF_8.newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(field.toByteArray()))
              .toString();
        } catch (CharacterCodingException e) {
          throw new IOException("the " + what + " is not UTF-8");
        }
      }
      field.write(b);
    }
  }

  /** The next field, a decimal number of at most nine digits. */
  long number(String what) throws IOException {
    String s = field(what);
    if (!s.matches("[0-9]{1,9}")) {
      throw new IOException("the " + what + " '" + AgentRequest.abbreviate(s) + "' is not a number");
    }
    return Long.parseLong(s);
  }

  private boolean fill() throws IOException {
    buf.clear();
    int n = in.read(buf);
    buf.flip();
    if (n < 0) {
      return false;
    }
    total += n;
    if (total > AgentRequest.MAX_BYTES) {
      throw new IOException("the client sent more than " + AgentRequest.MAX_BYTES + " bytes");
    }
    return true;
  }
}
