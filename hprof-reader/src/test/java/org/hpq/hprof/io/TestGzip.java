package org.hpq.hprof.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/** Test data: plain bytes and gzip files built with java.util.zip, header comments by hand. */
final class TestGzip {
  private TestGzip() {}

  /** A chunked gzip file and where its members lie. */
  record Chunked(byte[] bytes, long[] memberOffsets, long[] plainOffsets, int[] plainSizes) {
    int memberCount() {
      return memberOffsets.length;
    }

    /** File offset just past member {@code member}'s trailer. */
    long memberEnd(int member) {
      return member + 1 < memberOffsets.length ? memberOffsets[member + 1] : bytes.length;
    }
  }

  /**
   * Plain data that compresses somewhat, like a heap dump: random runs of random bytes, of repeated
   * bytes and of a small alphabet.
   */
  static byte[] plainBytes(long seed, int length) {
    Random random = new Random(seed);
    byte[] bytes = new byte[length];
    int position = 0;
    while (position < length) {
      int run = Math.min(length - position, 1 + random.nextInt(4096));
      switch (random.nextInt(3)) {
        case 0 -> {
          byte[] noise = new byte[run];
          random.nextBytes(noise);
          System.arraycopy(noise, 0, bytes, position, run);
        }
        case 1 -> java.util.Arrays.fill(bytes, position, position + run, (byte) random.nextInt());
        default -> {
          for (int i = 0; i < run; i++) {
            bytes[position + i] = (byte) ('a' + random.nextInt(6));
          }
        }
      }
      position += run;
    }
    return bytes;
  }

  /**
   * The JDK's chunked format with members that, like the JDK's, often stop short of the block size
   * (by up to 1/64 of it). The first member is written by hand with the {@code HPROF BLOCKSIZE=n}
   * comment; the others by {@link GZIPOutputStream}.
   */
  static Chunked chunked(byte[] plain, int blockSize, long seed) {
    return chunked(plain, blockSize, seed, "HPROF BLOCKSIZE=" + blockSize, Deflater.BEST_SPEED);
  }

  /** As {@link #chunked(byte[], int, long)} with any first comment and deflate level. */
  static Chunked chunked(byte[] plain, int blockSize, long seed, String comment, int level) {
    Random random = new Random(seed);
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    List<long[]> members = new ArrayList<>();
    int position = 0;
    do {
      int size = Math.min(plain.length - position, blockSize);
      if (random.nextBoolean()) {
        size = Math.max(1, Math.min(size, blockSize - random.nextInt(blockSize / 64 + 1)));
      }
      members.add(new long[] {file.size(), position, size});
      if (position == 0) {
        file.writeBytes(handWrittenMember(plain, 0, size, comment, level));
      } else {
        file.writeBytes(gzipOutputStreamMember(plain, position, size));
      }
      position += size;
    } while (position < plain.length);
    long[] memberOffsets = members.stream().mapToLong(member -> member[0]).toArray();
    long[] plainOffsets = members.stream().mapToLong(member -> member[1]).toArray();
    int[] plainSizes = members.stream().mapToInt(member -> (int) member[2]).toArray();
    return new Chunked(file.toByteArray(), memberOffsets, plainOffsets, plainSizes);
  }

  /** One member whose header (RFC 1952) is written byte by byte, with an optional comment. */
  static byte[] handWrittenMember(byte[] plain, int offset, int length, String comment, int level) {
    ByteArrayOutputStream member = new ByteArrayOutputStream();
    member.write(0x1f);
    member.write(0x8b);
    member.write(8); // CM: deflate
    member.write(comment != null ? 0x10 : 0); // FLG: FCOMMENT
    member.writeBytes(new byte[4]); // MTIME: none
    member.write(0); // XFL
    member.write(3); // OS: Unix
    if (comment != null) {
      member.writeBytes(comment.getBytes(StandardCharsets.ISO_8859_1));
      member.write(0);
    }
    Deflater deflater = new Deflater(level, true);
    deflater.setInput(plain, offset, length);
    deflater.finish();
    byte[] buffer = new byte[1 << 16];
    while (!deflater.finished()) {
      member.write(buffer, 0, deflater.deflate(buffer));
    }
    deflater.end();
    CRC32 crc = new CRC32();
    crc.update(plain, offset, length);
    writeLittleEndian(member, crc.getValue());
    writeLittleEndian(member, length);
    return member.toByteArray();
  }

  static byte[] gzipOutputStreamMember(byte[] plain, int offset, int length) {
    ByteArrayOutputStream member = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(member)) {
      gzip.write(plain, offset, length);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return member.toByteArray();
  }

  private static void writeLittleEndian(ByteArrayOutputStream output, long value) {
    for (int i = 0; i < 4; i++) {
      output.write((int) (value >>> (8 * i)) & 0xff);
    }
  }

  /** Reads all of {@code source} with reads of {@code bufferSize} bytes. */
  static byte[] readAll(DumpSource source, int bufferSize) throws IOException {
    byte[] all = new byte[Math.toIntExact(source.length())];
    byte[] buffer = new byte[bufferSize];
    long offset = 0;
    while (true) {
      int read = source.read(offset, buffer, 0, buffer.length);
      if (read < 0) {
        break;
      }
      if (read == 0) {
        throw new AssertionError("read returned 0 at offset " + offset);
      }
      System.arraycopy(buffer, 0, all, (int) offset, read);
      offset += read;
    }
    if (offset != all.length) {
      throw new AssertionError("read " + offset + " of " + all.length + " bytes");
    }
    return all;
  }
}
