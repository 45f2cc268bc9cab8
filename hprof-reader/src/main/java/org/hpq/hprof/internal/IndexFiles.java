package org.hpq.hprof.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32C;
import org.hpq.hprof.concurrent.TwoThreads;

/** The names of the files of an index directory, and checksums over them. */
public final class IndexFiles {
  public static final String PROPERTIES = "index.properties";
  /** Not a data file: what the last check of the checksums found ({@link VerificationRecord}). */
  public static final String VERIFIED = "verified.properties";
  public static final String META = "meta.bin";
  public static final String IDS = "ids.bin";
  public static final String OFFSETS = "offsets.bin";
  public static final String PAGES = "pages.bin";
  public static final String KINDS = "kinds.bin";
  public static final String CLASSES = "class.bin";
  public static final String SHALLOW = "shallow.bin";
  public static final String FLAGS = "flags.bin";
  public static final String OUT_OFFSETS = "out.offsets";
  public static final String OUT_TARGETS = "out.targets";
  public static final String OUT_WEAK = "out.weak";
  public static final String IN_OFFSETS = "in.offsets";
  public static final String IN_SOURCES = "in.sources";
  public static final String IN_LABELS = "in.labels";
  public static final String IN_WEAK = "in.weak";
  public static final String DOMINATORS = "idom.bin";
  public static final String RETAINED = "retained.bin";
  public static final String STRONGLY_REACHABLE = "strong.bin";
  public static final String WEAK_ROOTS = "weakroots.bin";

  /** Every data file, in the order checksums are listed. */
  public static final List<String> DATA =
      List.of(
          META, IDS, OFFSETS, PAGES, KINDS, CLASSES, SHALLOW, FLAGS, OUT_OFFSETS, OUT_TARGETS, OUT_WEAK,
          IN_OFFSETS, IN_SOURCES, IN_LABELS, IN_WEAK, DOMINATORS, RETAINED, STRONGLY_REACHABLE, WEAK_ROOTS);

  /** The files every index has. */
  public static final List<String> REQUIRED = DATA;

  private IndexFiles() {}

  /** CRC32C of the whole file, or of its first {@code limit} bytes when limit is not -1. */
  public static long checksum(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      CRC32C crc = new CRC32C();
      long size = channel.size();
      // Mapped, so that the bytes are summed where they lie instead of copied into a buffer first.
      for (long position = 0; position < size; position += 1L << 30) {
        crc.update(channel.map(FileChannel.MapMode.READ_ONLY, position, Math.min(1L << 30, size - position)));
      }
      return crc.getValue();
    }
  }

  /**
   * CRC32C of each of {@code files} (in order), computed by two threads: checksumming gigabytes
   * of index files is a noticeable part of writing and of opening an index.
   */
  public static long[] checksums(List<Path> files) throws IOException {
    long[] sums = new long[files.size()];
    AtomicInteger next = new AtomicInteger();
    // Largest first, so that the two threads end at about the same time.
    Integer[] order = new Integer[files.size()];
    long[] sizes = new long[files.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
      sizes[i] = Files.size(files.get(i));
    }
    Arrays.sort(order, (a, b) -> Long.compare(sizes[b], sizes[a]));
    Runnable work = () -> {
      for (int k = next.getAndIncrement(); k < order.length; k = next.getAndIncrement()) {
        try {
          sums[order[k]] = checksum(files.get(order[k]));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
    try {
      TwoThreads.run("hpq-checksum", work, work);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return sums;
  }

  /** CRC32C of {@code length} bytes from {@code start} (fewer at the end of the file). */
  public static long checksum(Path file, long start, long length) throws IOException {
    CRC32C crc = new CRC32C();
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer buffer = ByteBuffer.allocate((int) Math.max(16, Math.min(1 << 20, channel.size())));
      long position = start;
      long end = Math.min(channel.size(), start + Math.min(length, Long.MAX_VALUE - start));
      while (position < end) {
        buffer.clear();
        buffer.limit((int) Math.min(buffer.capacity(), end - position));
        int read = channel.read(buffer, position);
        if (read <= 0) {
          break;
        }
        buffer.flip();
        crc.update(buffer);
        position += read;
      }
    }
    return crc.getValue();
  }
}
