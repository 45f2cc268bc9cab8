package org.hpq.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;

class GzipFormatsTest {

  @Test
  void singleMemberInflatesToThePlainBytes() throws IOException {
    byte[] plain = sampleDump();
    assertThat(inflateAll(GzipFormats.singleMember(plain))).isEqualTo(plain);
  }

  @Test
  void chunkedHasOneMemberPerBlockAndACommentOnTheFirst() throws Exception {
    byte[] plain = sampleDump();
    int blockSize = 4096;
    byte[] gzip = GzipFormats.chunked(plain, blockSize);

    assertThat(inflateAll(gzip)).isEqualTo(plain);
    List<byte[]> members = members(gzip);
    assertThat(members).hasSize((plain.length + blockSize - 1) / blockSize);
    for (int i = 0; i < members.size(); i++) {
      int from = i * blockSize;
      assertThat(members.get(i)).as("member " + i)
          .isEqualTo(Arrays.copyOfRange(plain, from, Math.min(plain.length, from + blockSize)));
    }
    assertThat(gzip[3]).isEqualTo((byte) 0x10);
    String comment = new String(gzip, 10, "HPROF BLOCKSIZE=4096".length(), StandardCharsets.ISO_8859_1);
    assertThat(comment).isEqualTo("HPROF BLOCKSIZE=4096");
    assertThat(gzip[10 + comment.length()]).isZero();
  }

  @Test
  void writerDefaultsToTheJdkBlockSize() throws Exception {
    HprofWriter writer = HprofWriter.create();
    writer.primitiveArray(new byte[3 << 20]);
    byte[] gzip = writer.toChunkedGzipBytes();
    assertThat(members(gzip)).hasSize(4);
    assertThat(new String(gzip, 10, 23, StandardCharsets.ISO_8859_1)).isEqualTo("HPROF BLOCKSIZE=1048576");
    assertThat(inflateAll(gzip)).isEqualTo(writer.toBytes());
  }

  @Test
  void chunkedInPartsRestartsBlocksAndCommentsAtEachPart() throws Exception {
    byte[] plain = sampleDump();
    int blockSize = 1000;
    byte[] gzip = GzipFormats.chunkedInParts(plain, blockSize, 2500, 2600);

    assertThat(inflateAll(gzip)).isEqualTo(plain);
    List<Integer> sizes = members(gzip).stream().map(member -> member.length).toList();
    int rest = plain.length - 2600;
    assertThat(sizes.subList(0, 5)).containsExactly(1000, 1000, 500, 100, Math.min(1000, rest));
    assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(plain.length);
    assertThat(commentedMembers(gzip)).isEqualTo(3);
  }

  private static int commentedMembers(byte[] gzip) throws Exception {
    int count = 0;
    int offset = 0;
    for (byte[] member : members(gzip)) {
      count += (gzip[offset + 3] & 0x10) != 0 ? 1 : 0;
      offset += compressedLength(gzip, offset);
    }
    return count;
  }

  private static int compressedLength(byte[] gzip, int offset) throws Exception {
    int position = offset + 10;
    if ((gzip[offset + 3] & 0x10) != 0) {
      while (gzip[position] != 0) {
        position++;
      }
      position++;
    }
    Inflater inflater = new Inflater(true);
    inflater.setInput(gzip, position, gzip.length - position);
    inflater.inflate(new byte[8 << 20]);
    int end = gzip.length - inflater.getRemaining() + 8;
    inflater.end();
    return end - offset;
  }

  private static byte[] sampleDump() {
    long seed = 42;
    Random random = new Random(seed);
    HprofWriter writer = HprofWriter.create();
    JdkClasses jdk = writer.writeMinimalJdkClasses();
    for (int i = 0; i < 300; i++) {
      byte[] noise = new byte[random.nextInt(100)];
      random.nextBytes(noise);
      writer.primitiveArray(noise);
      writer.string("s" + i);
    }
    writer.objectArray(jdk.objectArrayClass(), 1, 2, 3);
    return writer.toBytes();
  }

  static byte[] inflateAll(byte[] gzip) throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
      return in.readAllBytes();
    }
  }

  /** Inflates each gzip member separately (header parsing limited to FCOMMENT). */
  static List<byte[]> members(byte[] gzip) throws Exception {
    List<byte[]> result = new ArrayList<>();
    int offset = 0;
    while (offset < gzip.length) {
      assertThat(gzip[offset] & 0xFF).isEqualTo(0x1f);
      int flags = gzip[offset + 3];
      int position = offset + 10;
      if ((flags & 0x10) != 0) {
        while (gzip[position] != 0) {
          position++;
        }
        position++;
      }
      Inflater inflater = new Inflater(true);
      inflater.setInput(gzip, position, gzip.length - position);
      byte[] out = new byte[8 << 20];
      int produced = inflater.inflate(out);
      assertThat(inflater.finished()).isTrue();
      result.add(Arrays.copyOf(out, produced));
      offset = gzip.length - inflater.getRemaining() + 8;
      inflater.end();
    }
    return result;
  }
}
