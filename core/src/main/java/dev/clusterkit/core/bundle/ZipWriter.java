package dev.clusterkit.core.bundle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes a zip file whose bytes depend on nothing but its entries: entries in the order given, a
 * fixed DOS timestamp (1980-01-01 00:00, no time zone involved), Unix permissions in the external
 * attributes, and no extra fields. {@code java.util.zip} can set neither the permissions nor a
 * time-zone-free timestamp, hence this small writer.
 */
final class ZipWriter {
  /** One file: a /-separated path, its Unix permission bits, its content. */
  record Entry(String path, int mode, byte[] content) {}

  private static final int DOS_DATE_1980_01_01 = (0 << 9) | (1 << 5) | 1;
  private static final int DOS_TIME_MIDNIGHT = 0;
  private static final int VERSION_NEEDED = 20;
  private static final int VERSION_MADE_BY_UNIX = (3 << 8) | 20;
  private static final int FLAG_UTF8_NAMES = 1 << 11;
  private static final int METHOD_DEFLATED = 8;

  private ZipWriter() {}

  static void write(List<Entry> entries, OutputStream out) throws IOException {
    Counting counting = new Counting(out);
    List<byte[]> central = new ArrayList<>();
    for (Entry e : entries) {
      byte[] name = e.path().getBytes(StandardCharsets.UTF_8);
      byte[] compressed = deflate(e.content());
      CRC32 crc = new CRC32();
      crc.update(e.content());
      long offset = counting.count;
      Le local = new Le();
      local.i32(0x04034b50).i16(VERSION_NEEDED).i16(FLAG_UTF8_NAMES).i16(METHOD_DEFLATED)
          .i16(DOS_TIME_MIDNIGHT).i16(DOS_DATE_1980_01_01).i32((int) crc.getValue())
          .i32(compressed.length).i32(e.content().length).i16(name.length).i16(0).bytes(name);
      counting.write(local.toByteArray());
      counting.write(compressed);
      Le c = new Le();
      c.i32(0x02014b50).i16(VERSION_MADE_BY_UNIX).i16(VERSION_NEEDED).i16(FLAG_UTF8_NAMES)
          .i16(METHOD_DEFLATED).i16(DOS_TIME_MIDNIGHT).i16(DOS_DATE_1980_01_01).i32((int) crc.getValue())
          .i32(compressed.length).i32(e.content().length).i16(name.length).i16(0).i16(0).i16(0).i16(0)
          .i32((0100000 | e.mode()) << 16).i32((int) offset).bytes(name);
      central.add(c.toByteArray());
    }
    long centralStart = counting.count;
    for (byte[] c : central) {
      counting.write(c);
    }
    long centralSize = counting.count - centralStart;
    Le end = new Le();
    end.i32(0x06054b50).i16(0).i16(0).i16(entries.size()).i16(entries.size())
        .i32((int) centralSize).i32((int) centralStart).i16(0);
    counting.write(end.toByteArray());
    counting.flush();
  }

  private static byte[] deflate(byte[] data) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
    try {
      deflater.setInput(data);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      while (!deflater.finished()) {
        out.write(buffer, 0, deflater.deflate(buffer));
      }
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  /** Little-endian field writer. */
  private static final class Le extends ByteArrayOutputStream {
    Le i16(int v) {
      write(v & 0xFF);
      write((v >>> 8) & 0xFF);
      return this;
    }

    Le i32(int v) {
      return i16(v & 0xFFFF).i16((v >>> 16) & 0xFFFF);
    }

    Le bytes(byte[] b) {
      write(b, 0, b.length);
      return this;
    }
  }

  private static final class Counting extends OutputStream {
    private final OutputStream out;
    private long count;

    Counting(OutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }
  }
}
