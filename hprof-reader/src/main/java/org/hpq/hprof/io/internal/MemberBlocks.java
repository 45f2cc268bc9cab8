package org.hpq.hprof.io.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ForkJoinPool;
import org.hpq.hprof.io.ChunkedGzipIndex;
import org.hpq.hprof.io.CorruptGzipException;
import org.hpq.hprof.io.DumpSource;

/**
 * Inflated members of a chunked gzip file: inflates them on demand (into a caller's array or into
 * an LRU cache), and ahead of time in the background on the common fork-join pool, so a sequential
 * reader's next blocks inflate on another core while it works on the current ones.
 *
 * <p>Thread-safe. Keeps a pool of {@link MemberInflater}s, one per thread inflating at once.
 */
public final class MemberBlocks implements AutoCloseable {
  private static final int WINDOW_SIZE = 256 << 10;

  private final DumpSource compressed;
  private final Path file;
  private final ChunkedGzipIndex index;
  private final BlockCache cache;
  private final int cacheBlocks;
  private final ConcurrentLinkedQueue<MemberInflater> idleInflaters = new ConcurrentLinkedQueue<>();
  private final ConcurrentHashMap<Integer, CompletableFuture<byte[]>> prefetching =
      new ConcurrentHashMap<>();
  private volatile boolean closed;

  /**
   * @param compressed the gzip file's bytes
   * @param file the gzip file, for messages
   * @param index where its members lie
   * @param cacheBlocks how many inflated blocks to keep
   */
  public MemberBlocks(DumpSource compressed, Path file, ChunkedGzipIndex index, int cacheBlocks) {
    this.compressed = compressed;
    this.file = file;
    this.index = index;
    this.cacheBlocks = cacheBlocks;
    this.cache = new BlockCache(cacheBlocks);
  }

  /**
   * Member {@code member}'s inflated bytes when cached or being inflated in the background (then
   * waits for them), else {@code null}. The array must not be modified.
   */
  public byte[] readyOrNull(int member) {
    byte[] cached = cache.getOrNull(member);
    if (cached != null) {
      return cached;
    }
    CompletableFuture<byte[]> pending = prefetching.get(member);
    if (pending == null) {
      // A background inflation may have finished between the two lookups: it caches the block
      // before it stops being pending, so the cache has it now.
      return cache.getOrNull(member);
    }
    try {
      return pending.join();
    } catch (CompletionException | java.util.concurrent.CancellationException e) {
      // The caller inflates the member itself and so gets the error with its own stack.
      return null;
    }
  }

  /** Member {@code member}'s inflated bytes, inflated now and cached unless ready. */
  public byte[] block(int member) throws IOException {
    byte[] ready = readyOrNull(member);
    if (ready != null) {
      return ready;
    }
    byte[] block = new byte[index.plainSize(member)];
    inflateInto(member, block, 0);
    cache.put(member, block);
    return block;
  }

  /**
   * Starts inflating members {@code first..last} (at most half the cache) into the cache in the
   * background, skipping those cached or already under way. Failures are left for the reads that
   * need those members to meet again.
   */
  public void prefetch(int first, int last) {
    int stop = Math.min(Math.min(last, index.memberCount() - 1), first + cacheBlocks / 2 - 1);
    for (int member = Math.max(0, first); member <= stop && !closed; member++) {
      if (cache.getOrNull(member) != null) {
        continue;
      }
      CompletableFuture<byte[]> future = new CompletableFuture<>();
      if (prefetching.putIfAbsent(member, future) != null) {
        continue;
      }
      int chosen = member;
      ForkJoinPool.commonPool()
          .execute(
              () -> {
                try {
                  byte[] block = new byte[index.plainSize(chosen)];
                  inflateInto(chosen, block, 0);
                  cache.put(chosen, block);
                  future.complete(block);
                } catch (IOException | RuntimeException e) {
                  future.completeExceptionally(e);
                } finally {
                  prefetching.remove(chosen, future);
                }
              });
    }
  }

  /**
   * Inflates member {@code member} into {@code target[at, at + plainSize)}, checking it inflates to
   * exactly the size the index gives.
   */
  public void inflateInto(int member, byte[] target, int at) throws IOException {
    MemberInflater inflater = idleInflaters.poll();
    if (inflater == null) {
      inflater = new MemberInflater(compressed, file, WINDOW_SIZE);
    }
    try {
      long memberOffset = index.memberOffset(member);
      long limit =
          member + 1 < index.memberCount() ? index.memberOffset(member + 1) : compressed.length();
      int size = index.plainSize(member);
      MemberExtent extent = inflater.inflate(memberOffset, limit, target, at, size, null);
      if (extent.plainSize() != size) {
        throw new CorruptGzipException(
            file,
            memberOffset,
            "inflates to "
                + extent.plainSize()
                + " bytes, the index says "
                + size
                + ": the file changed since it was indexed?");
      }
    } finally {
      idleInflaters.offer(inflater);
      if (closed) {
        closeIdleInflaters();
      }
    }
  }

  /** Frees the inflaters and the cache; background work still running fails quietly. */
  @Override
  public void close() {
    closed = true;
    closeIdleInflaters();
    cache.clear();
  }

  private void closeIdleInflaters() {
    for (MemberInflater inflater = idleInflaters.poll();
        inflater != null;
        inflater = idleInflaters.poll()) {
      inflater.close();
    }
  }
}
