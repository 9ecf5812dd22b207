package dev.clusterkit.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 bytes onto a {@link Writer}: the embedded runtime prints to a {@code PrintStream}, the
 * command to picocli's writers. A character split across two writes is kept until its last byte
 * comes, so nothing is garbled however the stream is flushed.
 */
final class WriterOutputStream extends OutputStream {
  private final Writer writer;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE);
  private final ByteBuffer pending = ByteBuffer.allocate(8192);
  private final CharBuffer chars = CharBuffer.allocate(8192);

  WriterOutputStream(Writer writer) {
    this.writer = writer;
  }

  @Override
  public synchronized void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) throws IOException {
    while (len > 0) {
      int n = Math.min(len, pending.remaining());
      pending.put(b, off, n);
      off += n;
      len -= n;
      decode();
    }
  }

  @Override
  public synchronized void flush() throws IOException {
    decode();
    writer.flush();
  }

  @Override
  public synchronized void close() throws IOException {
    flush();
  }

  /** Decodes what is complete; an unfinished character stays in {@code pending}. */
  private void decode() throws IOException {
    pending.flip();
    while (true) {
      decoder.decode(pending, chars, false);
      chars.flip();
      writer.append(chars);
      boolean more = chars.limit() == chars.capacity();
      chars.clear();
      if (!more) {
        break;
      }
    }
    pending.compact();
  }
}
