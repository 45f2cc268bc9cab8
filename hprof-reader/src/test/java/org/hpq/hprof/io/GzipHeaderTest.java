package org.hpq.hprof.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import org.hpq.hprof.io.internal.GzipHeader;
import org.junit.jupiter.api.Test;

/** Headers with every optional field (RFC 1952 2.3), written byte by byte. */
class GzipHeaderTest {
  private static byte[] header(int flags, boolean goodHeaderCrc) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, (byte) flags, 1, 2, 3, 4, 0, 3});
    if ((flags & 0x04) != 0) {
      bytes.writeBytes(new byte[] {5, 0, 'A', 'B', 3, 0, 9}); // XLEN 5, one subfield
    }
    if ((flags & 0x08) != 0) {
      bytes.writeBytes("dump.hprof\0".getBytes(StandardCharsets.ISO_8859_1));
    }
    if ((flags & 0x10) != 0) {
      bytes.writeBytes("HPROF BLOCKSIZE=4096 \u00e9\0".getBytes(StandardCharsets.ISO_8859_1));
    }
    if ((flags & 0x02) != 0) {
      CRC32 crc = new CRC32();
      crc.update(bytes.toByteArray());
      int value = (int) crc.getValue() ^ (goodHeaderCrc ? 0 : 1);
      bytes.write(value & 0xff);
      bytes.write((value >>> 8) & 0xff);
    }
    return bytes.toByteArray();
  }

  @Test
  void everyCombinationOfOptionalFieldsIsMeasuredExactly() {
    for (int flags = 0; flags < 32; flags += 2) {
      int withCrc = flags | 0x02;
      for (int chosen : new int[] {flags, withCrc}) {
        byte[] header = header(chosen, true);
        byte[] followed = java.util.Arrays.copyOf(header, header.length + 5);
        GzipHeader parsed = GzipHeader.parseOrNull(followed, 0, followed.length);
        assertThat(parsed.length()).as("flags %x", chosen).isEqualTo(header.length);
        assertThat(parsed.comment())
            .as("flags %x", chosen)
            .isEqualTo((chosen & 0x10) != 0 ? "HPROF BLOCKSIZE=4096 \u00e9" : null);
        for (int cut = 0; cut < header.length; cut++) {
          assertThat(GzipHeader.parseOrNull(header, 0, cut))
              .as("flags %x cut %d", chosen, cut)
              .isNull();
        }
      }
    }
  }

  @Test
  void wrongHeaderCrcReservedFlagsAndOtherMethodsAreRefused() {
    byte[] badCrc = header(0x1e, false);
    assertThatThrownBy(() -> GzipHeader.parseOrNull(badCrc, 0, badCrc.length))
        .hasMessageContaining("header CRC16");
    byte[] reserved = header(0x20, true);
    assertThatThrownBy(() -> GzipHeader.parseOrNull(reserved, 0, reserved.length))
        .hasMessageContaining("reserved");
    byte[] method = header(0, true);
    method[2] = 9;
    assertThatThrownBy(() -> GzipHeader.parseOrNull(method, 0, method.length))
        .hasMessageContaining("compression method 9");
    byte[] notGzip = {'J', 'A', 'V', 'A'};
    assertThatThrownBy(() -> GzipHeader.parseOrNull(notGzip, 0, 4))
        .hasMessageContaining("4a 41 56 41");
  }
}
