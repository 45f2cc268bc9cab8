package org.hpq.hprof.io;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * Where the members of a chunked gzip dump lie: member {@code k} starts at file offset {@code
 * memberOffsets[k]} and inflates to the plain bytes {@code [plainOffsets[k], plainOffsets[k + 1])}
 * (the last one up to {@code plainLength}). Members that inflate to nothing are left out.
 *
 * <p>Both arrays are needed: the JDK does not fill every member to the block size (it closes a
 * block early rather than split a small write, so members hold e.g. 1048566 bytes of a 1048576
 * block), so plain offsets cannot be computed as {@code k * blockSize}.
 *
 * <p>Immutable; the array accessors return copies. Persist it with {@link #writeTo} and {@link
 * #readFrom} (or store the components elsewhere) and reopen with {@link
 * ChunkedGzipSource#open(java.nio.file.Path, ChunkedGzipIndex)}.
 *
 * @param blockSize the block size from the first member's {@code HPROF BLOCKSIZE=n} comment: the
 *     most any member inflates to
 * @param compressedLength length of the gzip file in bytes, checked when reopening
 * @param plainLength length of the inflated HPROF data in bytes
 * @param memberOffsets file offset of each member's gzip header, increasing
 * @param plainOffsets plain offset of each member's first byte, increasing from 0
 */
public record ChunkedGzipIndex(
    int blockSize,
    long compressedLength,
    long plainLength,
    long[] memberOffsets,
    long[] plainOffsets) {

  /** The largest block size accepted: 64 MiB. A larger comment is treated as corruption. */
  public static final int MAX_BLOCK_SIZE = 64 << 20;

  private static final int MAGIC = 0x48475a58; // "HGZX"
  private static final int VERSION = 1;

  /** No gzip member is shorter: 10-byte header, 2 bytes of deflate data, 8-byte trailer. */
  private static final int SMALLEST_MEMBER = 20;

  /**
   * Checks the index is consistent and copies the arrays.
   *
   * @throws IllegalArgumentException if it is not
   */
  public ChunkedGzipIndex {
    if (blockSize < 1 || blockSize > MAX_BLOCK_SIZE) {
      throw new IllegalArgumentException(
          "block size " + blockSize + " out of 1.." + MAX_BLOCK_SIZE);
    }
    memberOffsets = memberOffsets.clone();
    plainOffsets = plainOffsets.clone();
    int count = memberOffsets.length;
    if (plainOffsets.length != count) {
      throw new IllegalArgumentException(
          count + " member offsets but " + plainOffsets.length + " plain offsets");
    }
    if (count == 0 ? plainLength != 0 : plainOffsets[0] != 0) {
      throw new IllegalArgumentException("plain offsets must start at 0 and cover plainLength");
    }
    for (int k = 0; k < count; k++) {
      long previousMember = k == 0 ? -1 : memberOffsets[k - 1];
      if (memberOffsets[k] <= previousMember || memberOffsets[k] >= compressedLength) {
        throw new IllegalArgumentException(
            "member offset "
                + memberOffsets[k]
                + " of member "
                + k
                + " not increasing or not below the compressed length "
                + compressedLength);
      }
      long next = k + 1 < count ? plainOffsets[k + 1] : plainLength;
      long size = next - plainOffsets[k];
      if (size < 1 || size > blockSize) {
        throw new IllegalArgumentException(
            "member " + k + " holds " + size + " plain bytes, not 1.." + blockSize);
      }
    }
  }

  /** Number of (non-empty) members. */
  public int memberCount() {
    return memberOffsets.length;
  }

  /** File offset of member {@code member}'s gzip header. */
  public long memberOffset(int member) {
    return memberOffsets[member];
  }

  /** Plain offset of member {@code member}'s first byte. */
  public long plainOffset(int member) {
    return plainOffsets[member];
  }

  /** Number of plain bytes member {@code member} inflates to, 1 to {@link #blockSize()}. */
  public int plainSize(int member) {
    long next = member + 1 < plainOffsets.length ? plainOffsets[member + 1] : plainLength;
    return (int) (next - plainOffsets[member]);
  }

  /**
   * The member holding plain byte {@code plainOffset}.
   *
   * @throws IndexOutOfBoundsException unless {@code 0 <= plainOffset < plainLength}
   */
  public int memberContaining(long plainOffset) {
    if (plainOffset < 0 || plainOffset >= plainLength) {
      throw new IndexOutOfBoundsException(
          "plain offset " + plainOffset + " outside 0.." + plainLength);
    }
    int found = Arrays.binarySearch(plainOffsets, plainOffset);
    return found >= 0 ? found : -found - 2;
  }

  /** A copy of the members' file offsets. */
  @Override
  public long[] memberOffsets() {
    return memberOffsets.clone();
  }

  /** A copy of the members' plain offsets. */
  @Override
  public long[] plainOffsets() {
    return plainOffsets.clone();
  }

  /** Writes this index in a small versioned binary form that {@link #readFrom} reads back. */
  public void writeTo(DataOutput output) throws IOException {
    output.writeInt(MAGIC);
    output.writeInt(VERSION);
    output.writeInt(blockSize);
    output.writeLong(compressedLength);
    output.writeLong(plainLength);
    output.writeInt(memberOffsets.length);
    for (int k = 0; k < memberOffsets.length; k++) {
      output.writeLong(memberOffsets[k]);
      output.writeLong(plainOffsets[k]);
    }
  }

  /**
   * Reads an index written by {@link #writeTo}.
   *
   * @throws IOException if reading fails or the bytes are not a consistent index
   */
  public static ChunkedGzipIndex readFrom(DataInput input) throws IOException {
    int magic = input.readInt();
    int version = input.readInt();
    if (magic != MAGIC || version != VERSION) {
      throw new IOException(
          String.format("not a saved gzip member index (magic %08x version %d)", magic, version));
    }
    int blockSize = input.readInt();
    long compressedLength = input.readLong();
    long plainLength = input.readLong();
    int count = input.readInt();
    if (count < 0 || count > compressedLength / SMALLEST_MEMBER + 1) {
      throw new IOException(
          "saved gzip member index claims "
              + count
              + " members for "
              + compressedLength
              + " compressed bytes");
    }
    // Grow while reading, so a damaged count meets the end of the input before a huge allocation.
    long[] memberOffsets = new long[Math.min(count, 1 << 16)];
    long[] plainOffsets = new long[memberOffsets.length];
    for (int k = 0; k < count; k++) {
      if (k == memberOffsets.length) {
        int grown = (int) Math.min(count, 2L * k);
        memberOffsets = Arrays.copyOf(memberOffsets, grown);
        plainOffsets = Arrays.copyOf(plainOffsets, grown);
      }
      memberOffsets[k] = input.readLong();
      plainOffsets[k] = input.readLong();
    }
    try {
      return new ChunkedGzipIndex(
          blockSize, compressedLength, plainLength, memberOffsets, plainOffsets);
    } catch (IllegalArgumentException e) {
      throw new IOException("inconsistent saved gzip member index: " + e.getMessage(), e);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ChunkedGzipIndex that
        && blockSize == that.blockSize
        && compressedLength == that.compressedLength
        && plainLength == that.plainLength
        && Arrays.equals(memberOffsets, that.memberOffsets)
        && Arrays.equals(plainOffsets, that.plainOffsets);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Long.hashCode(plainLength) + Arrays.hashCode(memberOffsets))
        + Arrays.hashCode(plainOffsets);
  }

  @Override
  public String toString() {
    return "ChunkedGzipIndex[blockSize="
        + blockSize
        + ", compressedLength="
        + compressedLength
        + ", plainLength="
        + plainLength
        + ", members="
        + memberOffsets.length
        + "]";
  }
}
