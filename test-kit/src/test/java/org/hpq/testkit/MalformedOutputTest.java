package org.hpq.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The escape hatches write exactly the bytes asked for. */
class MalformedOutputTest {
  private static final int HEADER_8 = 18 + 1 + 4 + 8;

  @Test
  void wrongDeclaredLengthAndUnknownTagsAreWrittenVerbatim() {
    HprofWriter writer = HprofWriter.create();
    writer.record(0x77, new byte[] {9, 9});
    writer.recordWithDeclaredLength(0x01, 1000, new byte[] {1, 2, 3});
    byte[] bytes = writer.toBytes();

    ByteBuffer buffer = ByteBuffer.wrap(bytes, HEADER_8, bytes.length - HEADER_8);
    assertThat(buffer.get()).isEqualTo((byte) 0x77);
    assertThat(buffer.getInt()).isZero();
    assertThat(buffer.getInt()).isEqualTo(2);
    buffer.position(buffer.position() + 2);
    assertThat(buffer.get()).isEqualTo((byte) 0x01);
    buffer.getInt();
    assertThat(buffer.getInt()).isEqualTo(1000);
    assertThat(buffer.remaining()).isEqualTo(3);
  }

  @Test
  void absurdArrayLengthsAndCountsAreDeclaredButNotBacked() {
    HprofWriter writer = HprofWriter.create();
    writer.primitiveArrayDump(0x10, 0, 0xFFFF_FFFFL, FieldType.LONG, new byte[8]);
    writer.objectArrayDump(0x20, 0, Integer.MAX_VALUE, 0x30, 0x40L);
    writer.instanceDump(0x50, 0, 0x60, 1 << 30, new byte[4]);
    writer.rawSubRecord(new byte[] {(byte) 0xEE, 1, 2});
    byte[] bytes = writer.toBytes();

    ByteBuffer buffer = ByteBuffer.wrap(bytes, HEADER_8, bytes.length - HEADER_8);
    assertThat(buffer.get()).isEqualTo((byte) 0x1C);
    buffer.getInt();
    int length = buffer.getInt();
    assertThat(length).isEqualTo((1 + 8 + 4 + 4 + 1 + 8) + (1 + 8 + 4 + 4 + 8 + 8) + (1 + 8 + 4 + 8 + 4 + 4) + 3);
    assertThat(buffer.get()).isEqualTo((byte) 0x23);
    buffer.getLong();
    buffer.getInt();
    assertThat(buffer.getInt()).isEqualTo(-1);
  }

  @Test
  void garbageBetweenRecordsAndTruncation() {
    HprofWriter writer = HprofWriter.create();
    writer.utf8("a");
    writer.rawBytes(new byte[] {(byte) 0xDE, (byte) 0xAD});
    writer.utf8("b");
    byte[] bytes = writer.toBytes();

    int firstRecordEnd = HEADER_8 + 9 + 8 + 1;
    assertThat(Arrays.copyOfRange(bytes, firstRecordEnd, firstRecordEnd + 2))
        .containsExactly(0xDE, 0xAD);
    assertThat(bytes[firstRecordEnd + 2]).isEqualTo((byte) 0x01);
    byte[] truncated = Arrays.copyOf(bytes, bytes.length - 1);
    assertThat(truncated).hasSize(bytes.length - 1);
  }

  @Test
  void toBytesClosesTheOpenDumpAndWritingContinuesAfterIt() {
    HprofWriter writer = HprofWriter.create();
    writer.primitiveArray(new int[1]);
    int first = writer.toBytes().length;
    assertThat(writer.heapDumpOpen()).isFalse();
    writer.primitiveArray(new int[1]);
    MinimalHprofScanner scan = new MinimalHprofScanner(writer.toBytes());
    assertThat(scan.heapDumps).isEqualTo(2);
    assertThat(first).isEqualTo(HEADER_8 + 9 + 22 + 9);
  }
}
