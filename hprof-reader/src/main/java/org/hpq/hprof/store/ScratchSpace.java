package org.hpq.hprof.store;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Chooses where a build keeps its scratch arrays: in a memory file system when there is room,
 * else on disk beside the index.
 *
 * <p>Why: scratch arrays are files only so that they can be mapped; they never need to reach a
 * disk, and on one they cost the kernel dearly: an ext4 file takes a block reservation on every
 * first write to a page, its dirty pages count against the kernel's dirty limits (which then
 * throttle every writer, index files included), and writeback threads spend the same two cores
 * writing pages that are deleted unread. On the 4.4 GB benchmark dump the scan took 2.7 to 4.9 s
 * with its scratch in {@code /dev/shm} (tmpfs) against 4 to 9 s beside the index, with half the
 * CPU ({@code docs/benchmarks.md}).
 *
 * <p>A memory file system holds its pages in memory until the files go (they are deleted at once
 * and go when unmapped), so it is used only when it and the machine's available memory can each
 * take the dump's size: the largest scratch a build has held at once is about half the dump's size
 * (2.1 GB for the 4.4 GB benchmark dump).
 */
public final class ScratchSpace {
  /** Where Linux mounts a memory file system for shared memory; usable by any user. */
  static final Path SHARED_MEMORY = Path.of("/dev/shm");

  private ScratchSpace() {}

  /**
   * The scratch directory for work that may hold up to about half of {@code roomBytes} at once (a
   * build passes the dump's size): {@code requested} when not null, else {@code /dev/shm} when it
   * is a writable memory file system with room for {@code roomBytes} bytes and as much memory is
   * available, else {@code fallback}.
   */
  public static Path choose(Path requested, Path fallback, long roomBytes) {
    if (requested != null) {
      return requested;
    }
    return choose(fallback, roomBytes, MemoryFileSystem.sharedMemoryOrNull(), availableMemoryBytes());
  }

  /** A memory file system with the bytes its files may still take. */
  record MemoryFileSystem(Path directory, long usableBytes) {
    /** {@code /dev/shm} when it is a writable tmpfs, else null. */
    static MemoryFileSystem sharedMemoryOrNull() {
      try {
        if (!Files.isDirectory(SHARED_MEMORY) || !Files.isWritable(SHARED_MEMORY)) {
          return null;
        }
        FileStore store = Files.getFileStore(SHARED_MEMORY);
        return "tmpfs".equals(store.type()) ? new MemoryFileSystem(SHARED_MEMORY, store.getUsableSpace()) : null;
      } catch (IOException | SecurityException e) {
        return null;
      }
    }
  }

  /**
   * The rule: {@code memory}'s directory when it and {@code availableBytes} of memory each have room
   * for {@code roomBytes}; else {@code fallback}. A null {@code memory} or a negative {@code
   * availableBytes} (unknown) means {@code fallback}.
   */
  static Path choose(Path fallback, long roomBytes, MemoryFileSystem memory, long availableBytes) {
    if (memory == null || availableBytes < 0) {
      return fallback;
    }
    return memory.usableBytes() >= roomBytes && availableBytes >= roomBytes ? memory.directory() : fallback;
  }

  /** MemAvailable from {@code /proc/meminfo}, in bytes; -1 where it cannot be read. */
  static long availableMemoryBytes() {
    try {
      return availableMemoryBytes(Files.readAllLines(Path.of("/proc/meminfo")));
    } catch (IOException | SecurityException e) {
      return -1;
    }
  }

  /** MemAvailable from the lines of {@code /proc/meminfo} ({@code MemAvailable:  123 kB}); -1 if absent. */
  static long availableMemoryBytes(List<String> meminfo) {
    for (String line : meminfo) {
      if (line.startsWith("MemAvailable:")) {
        String[] fields = line.substring("MemAvailable:".length()).trim().split("\\s+");
        try {
          long value = Long.parseLong(fields[0]);
          return fields.length > 1 && fields[1].equals("kB") ? value << 10 : value;
        } catch (NumberFormatException e) {
          return -1;
        }
      }
    }
    return -1;
  }
}
