package org.hpq.hprof.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrefaulterTest {
  @TempDir Path directory;

  private static final long SIZE = BigArrays.HEAP_LIMIT + 1000;

  @Test
  void readsTheWholeRangeOfAPartlyWrittenSparseFileAndChangesNothing() throws Exception {
    Path path = directory.resolve("sparse.bin");
    long bytes = 3L << 20;
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      ByteBuffer head = ByteBuffer.allocate(1 << 16);
      for (int i = 0; i < head.capacity(); i++) {
        head.put(i, (byte) (i * 31 + 7));
      }
      channel.write(head, 0);
      channel.write(ByteBuffer.allocate(1), bytes - 1);
    }
    long before = checksum(path);
    try (Prefaulter prefaulter = Prefaulter.start()) {
      prefaulter.touch(path, 0, bytes);
      prefaulter.awaitIdle();
      if (Runtime.getRuntime().availableProcessors() > 1) {
        assertThat(prefaulter.bytesRead()).isEqualTo(bytes);
      }
    }
    assertThat(Files.size(path)).isEqualTo(bytes);
    assertThat(checksum(path)).isEqualTo(before);
  }

  @Test
  void aRangePastTheEndOfTheFileReadsWhatThereIs() throws Exception {
    Path path = directory.resolve("short.bin");
    Files.write(path, new byte[5000]);
    try (Prefaulter prefaulter = Prefaulter.start()) {
      prefaulter.touch(path, 1000, 1L << 30);
      prefaulter.touch(directory.resolve("missing.bin"), 0, 4096);
      prefaulter.touch(path, 0, 10);
      prefaulter.awaitIdle();
      if (Runtime.getRuntime().availableProcessors() > 1) {
        assertThat(prefaulter.bytesRead()).as("4000 bytes, then nothing of a missing file, then 10").isEqualTo(4010);
      }
    }
  }

  @Test
  void scratchBeingWrittenWhileItIsReadKeepsEveryValue() throws Exception {
    try (BigArrays arrays = BigArrays.pooledScratchIn(directory);
        Prefaulter prefaulter = Prefaulter.start()) {
      LongArray values = arrays.newUninitializedLongArray(SIZE);
      prefaulter.touch(values, 0, SIZE);
      for (long i = 0; i < SIZE; i++) {
        values.set(i, i * 0x9E3779B97F4A7C15L);
      }
      prefaulter.awaitIdle();
      for (long i = 0; i < SIZE; i++) {
        assertThat(values.get(i)).as("element %d", i).isEqualTo(i * 0x9E3779B97F4A7C15L);
      }
      if (Runtime.getRuntime().availableProcessors() > 1) {
        assertThat(prefaulter.bytesRead()).isEqualTo(SIZE * 8);
      }
    }
  }

  @Test
  void scratchClosedUnderARequestEndsItQuietly() throws Exception {
    Prefaulter prefaulter = Prefaulter.start();
    try (BigArrays arrays = BigArrays.pooledScratchIn(directory)) {
      IntArray values = arrays.newIntArray(SIZE * 64);
      prefaulter.touch(values, 0, SIZE * 64);
      values.close();
    }
    prefaulter.awaitIdle();
    prefaulter.close();
    assertThat(prefaulter.bytesRead()).isLessThanOrEqualTo(SIZE * 64 * 4);
  }

  @Test
  void heapArraysAndTheIdlePrefaulterReadNothing() throws Exception {
    try (Prefaulter prefaulter = Prefaulter.start();
        Prefaulter none = Prefaulter.none()) {
      prefaulter.touch(BigArrays.onHeap().newLongArray(100), 0, 100);
      Path path = directory.resolve("file.bin");
      Files.write(path, new byte[4096]);
      none.touch(path, 0, 4096);
      prefaulter.awaitIdle();
      none.awaitIdle();
      assertThat(prefaulter.bytesRead()).isZero();
      assertThat(none.bytesRead()).isZero();
    }
  }

  private static long checksum(Path path) throws Exception {
    CRC32C crc = new CRC32C();
    crc.update(Files.readAllBytes(path));
    return crc.getValue();
  }
}
