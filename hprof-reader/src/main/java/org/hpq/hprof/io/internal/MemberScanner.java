package org.hpq.hprof.io.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;
import org.hpq.hprof.io.ChunkedGzipIndex;
import org.hpq.hprof.io.CorruptGzipException;
import org.hpq.hprof.io.DumpSource;

/**
 * Builds the member index of a chunked gzip dump by inflating every member once and checking its
 * CRC32 and ISIZE.
 *
 * <p>Member boundaries are only known by inflating to the end of each deflate stream, so a plain
 * scan is sequential. To use several cores the file is cut into parts; each part after the first
 * guesses a member start (a {@code 1f 8b 08} whose member inflates with a matching CRC32) and
 * indexes from there. A part's members are kept only if the proven chain of members from offset 0
 * ends exactly where that part starts; otherwise the scan goes on sequentially, so a wrong guess
 * costs time, never correctness.
 */
public final class MemberScanner {
  /** Start of the first member's comment in the JDK's chunked format. */
  public static final String COMMENT_PREFIX = "HPROF BLOCKSIZE=";

  private static final int WINDOW_SIZE = 1 << 20;
  private static final long MIN_PART_BYTES = 8L << 20;
  private static final int PROGRESS_STEPS = 256;

  private final DumpSource compressed;
  private final Path file;
  private final long length;
  private final int blockSize;
  private final Progress progress;
  private volatile boolean cancelled;

  private MemberScanner(DumpSource compressed, Path file, int blockSize, LongConsumer progress) {
    this.compressed = compressed;
    this.file = file;
    this.length = compressed.length();
    this.blockSize = blockSize;
    this.progress = new Progress(length, progress);
  }

  /**
   * Indexes the members of the chunked gzip file {@code file}, whose bytes are {@code compressed}.
   *
   * @param parallelism how many threads may inflate at once (1: only the calling thread)
   * @param progress told the compressed bytes indexed so far, at most a few hundred times, from any
   *     of the scanning threads but never concurrently
   * @throws CorruptGzipException if a member is bad, the first comment is not {@code HPROF
   *     BLOCKSIZE=n} with {@code 1 <= n <= 64 MiB}, or bytes follow the last member
   * @throws InterruptedIOException if the calling thread is interrupted
   */
  public static ChunkedGzipIndex scan(
      DumpSource compressed, Path file, int parallelism, LongConsumer progress) throws IOException {
    return scan(compressed, file, parallelism, MIN_PART_BYTES, progress);
  }

  /**
   * As {@link #scan(DumpSource, Path, int, LongConsumer)}, cutting the file into parts of at least
   * {@code minPartBytes} (8 MiB normally; small in tests).
   */
  public static ChunkedGzipIndex scan(
      DumpSource compressed, Path file, int parallelism, long minPartBytes, LongConsumer progress)
      throws IOException {
    int blockSize = readBlockSize(compressed, file);
    MemberScanner scanner = new MemberScanner(compressed, file, blockSize, progress);
    int parts = (int) Math.max(1, Math.min(parallelism, scanner.length / minPartBytes));
    List<MemberExtent> members = parts == 1 ? scanner.sequential() : scanner.parallel(parts);
    return scanner.toIndex(members);
  }

  /**
   * Reads the block size from the first member's {@code HPROF BLOCKSIZE=n} comment.
   *
   * @throws CorruptGzipException if there is no such comment or {@code n} is not in 1..64 MiB
   */
  public static int readBlockSize(DumpSource compressed, Path file) throws IOException {
    byte[] head = new byte[(int) Math.min(compressed.length(), 1 << 16)];
    int read = Math.max(0, compressed.read(0, head, 0, head.length));
    GzipHeader header;
    try {
      header = GzipHeader.parseOrNull(head, 0, read);
    } catch (IllegalArgumentException e) {
      throw new CorruptGzipException(file, 0, e.getMessage());
    }
    if (header == null) {
      throw new CorruptGzipException(file, 0, "truncated: the file ends inside the gzip header");
    }
    String comment = header.comment();
    if (comment == null || !comment.startsWith(COMMENT_PREFIX)) {
      throw new CorruptGzipException(
          file,
          0,
          "not the JDK's chunked format: the first comment is "
              + (comment == null ? "absent" : "'" + comment + "'")
              + ", expected "
              + COMMENT_PREFIX
              + "<bytes>");
    }
    String digits = comment.substring(COMMENT_PREFIX.length()).trim();
    long size = digits.matches("[0-9]{1,12}") ? Long.parseLong(digits) : -1;
    if (size < 1 || size > ChunkedGzipIndex.MAX_BLOCK_SIZE) {
      throw new CorruptGzipException(
          file,
          0,
          "unusable block size '"
              + digits
              + "' in the comment; expected 1.."
              + ChunkedGzipIndex.MAX_BLOCK_SIZE);
    }
    return (int) size;
  }

  private List<MemberExtent> sequential() throws IOException {
    try (MemberInflater inflater = new MemberInflater(compressed, file, WINDOW_SIZE)) {
      Chain chain = chain(inflater, new byte[blockSize], 0, length);
      chain.throwIfFailed();
      return chain.members;
    }
  }

  private List<MemberExtent> parallel(int parts) throws IOException {
    ExecutorService executor =
        Executors.newFixedThreadPool(
            parts,
            runnable -> {
              Thread thread = new Thread(runnable, "hpq-gzip-index");
              thread.setDaemon(true);
              return thread;
            });
    try {
      List<Future<Long>> guesses = new ArrayList<>();
      for (int part = 1; part < parts; part++) {
        long from = length / parts * part;
        long to = part + 1 < parts ? length / parts * (part + 1) : length;
        guesses.add(executor.submit(() -> guessMemberStart(from, to)));
      }
      List<Long> starts = new ArrayList<>(List.of(0L));
      for (Future<Long> guess : guesses) {
        long start = await(guess);
        if (start > starts.get(starts.size() - 1)) {
          starts.add(start);
        }
      }
      List<Future<Chain>> chains = new ArrayList<>();
      for (int i = 0; i < starts.size(); i++) {
        long start = starts.get(i);
        long stop = i + 1 < starts.size() ? starts.get(i + 1) : length;
        chains.add(
            executor.submit(
                () -> {
                  try (MemberInflater inflater =
                      new MemberInflater(compressed, file, WINDOW_SIZE)) {
                    return chain(inflater, new byte[blockSize], start, stop);
                  }
                }));
      }
      List<MemberExtent> members = new ArrayList<>();
      long position = 0;
      for (Future<Chain> future : chains) {
        Chain chain = await(future);
        if (chain.start == position) {
          members.addAll(chain.members);
          position = chain.end;
          chain.throwIfFailed();
        }
      }
      if (position < length) {
        // A guessed start was not a true member boundary: finish the proven chain alone.
        try (MemberInflater inflater = new MemberInflater(compressed, file, WINDOW_SIZE)) {
          Chain rest = chain(inflater, new byte[blockSize], position, length);
          members.addAll(rest.members);
          rest.throwIfFailed();
        }
      }
      return members;
    } finally {
      cancelled = true;
      executor.shutdownNow();
    }
  }

  /** First offset in {@code [from, to)} where a whole valid member starts, or -1. */
  private long guessMemberStart(long from, long to) throws IOException {
    byte[] buffer = new byte[1 << 16];
    byte[] scratch = new byte[blockSize];
    try (MemberInflater inflater = new MemberInflater(compressed, file, WINDOW_SIZE)) {
      long position = from;
      while (position < to && !cancelled) {
        int wanted = (int) Math.min(buffer.length, length - position);
        int read = compressed.read(position, buffer, 0, wanted);
        if (read < 4) {
          return -1;
        }
        for (int i = 0; i + 4 <= read && position + i < to; i++) {
          if (GzipHeader.looksLikeStart(buffer, i, read - i)) {
            try {
              inflater.inflate(position + i, length, scratch, 0, blockSize, null);
              return position + i;
            } catch (CorruptGzipException e) {
              // Those bytes were deflate data that happened to look like a header.
            }
          }
        }
        // Overlap windows by 3 bytes so a header split across them is still seen.
        position += read - 3;
      }
      return -1;
    }
  }

  /** Indexes members from {@code start} until one starts at or after {@code stop}. */
  private Chain chain(MemberInflater inflater, byte[] scratch, long start, long stop) {
    Chain chain = new Chain(start);
    long position = start;
    try {
      while (position < stop && position < length) {
        if (cancelled || Thread.currentThread().isInterrupted()) {
          throw new InterruptedIOException("indexing " + file + " was interrupted");
        }
        MemberExtent member = inflater.inflate(position, length, scratch, 0, blockSize, null);
        chain.members.add(member);
        position = member.end();
        progress.advance(member.end() - member.offset());
      }
    } catch (IOException e) {
      chain.failure = e;
    }
    chain.end = position;
    return chain;
  }

  private <T> T await(Future<T> future) throws IOException {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("indexing " + file + " was interrupted");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(cause);
    }
  }

  private ChunkedGzipIndex toIndex(List<MemberExtent> members) {
    long[] memberOffsets = new long[members.size()];
    long[] plainOffsets = new long[members.size()];
    int count = 0;
    long plain = 0;
    for (MemberExtent member : members) {
      if (member.plainSize() > 0) {
        memberOffsets[count] = member.offset();
        plainOffsets[count] = plain;
        count++;
        plain += member.plainSize();
      }
    }
    return new ChunkedGzipIndex(
        blockSize,
        length,
        plain,
        Arrays.copyOf(memberOffsets, count),
        Arrays.copyOf(plainOffsets, count));
  }

  /** Members indexed from one start, and the problem that stopped it, if any. */
  private static final class Chain {
    final long start;
    final List<MemberExtent> members = new ArrayList<>();
    long end;
    IOException failure;

    Chain(long start) {
      this.start = start;
    }

    void throwIfFailed() throws IOException {
      if (failure != null) {
        throw failure;
      }
    }
  }

  /** Sums bytes indexed by all threads and reports each 1/256th of the file once. */
  private static final class Progress {
    private final long total;
    private final LongConsumer listener;
    private long done;
    private long nextReport;

    Progress(long total, LongConsumer listener) {
      this.total = total;
      this.listener = listener;
    }

    synchronized void advance(long bytes) {
      done += bytes;
      if (done >= nextReport || done == total) {
        nextReport = done + Math.max(1, total / PROGRESS_STEPS);
        listener.accept(Math.min(done, total));
      }
    }
  }
}
