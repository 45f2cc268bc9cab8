package org.hpq.hprof.internal;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.hpq.hprof.HprofFormatException;
import org.hpq.hprof.ProgressListener;
import org.hpq.hprof.store.BigArrays;
import org.hpq.hprof.store.ByteArray;
import org.hpq.hprof.store.IntArray;
import org.hpq.hprof.store.LongArray;

/**
 * The second pass, on two threads when the dump is large and can be read concurrently: the first
 * half of the objects (by index) is read on the calling thread into the start of the edge arrays;
 * the helper thread first bounds the first half's edge count from the objects' headers, then reads
 * the second half into the arrays behind that bound; its edges are then moved down to close the
 * gap (the null and dangling references of the first half), in place, with no scratch copy. The result (edges, labels, weak bits, warnings and their order, the exception
 * thrown for a malformed dump) is the same as one reader over all objects would give.
 */
final class EdgePass {
  /** Fewer objects than this are read on one thread; a system property lowers it for tests. */
  static final int PARALLEL_MINIMUM = Integer.getInteger("hpq.parallelEdgeMinimum", 1 << 20);

  private EdgePass() {}

  /**
   * Reads every object's edges into {@code sink} (finished) and its kind, class and shallow size;
   * adds the readers' warnings to {@code scan}. {@code readers} makes one reader a call, each
   * with its own cursor; {@code parallel} says whether two may run at once.
   *
   * @return the number of edges
   */
  static long read(
      Supplier<EdgeReader> readers,
      boolean parallel,
      int count,
      EdgeSink sink,
      ByteArray kinds,
      IntArray classOf,
      LongArray shallow,
      BigArrays scratch,
      ScanResult scan,
      ProgressListener progress)
      throws HprofFormatException {
    AtomicLong done = new AtomicLong();
    progress.progress("reading references", 0, count);
    Runnable mainTicks =
        () -> {
          progress.progress("reading references", done.addAndGet(EdgeReader.TICK), count);
          if (Thread.interrupted()) {
            throw new CancelledException();
          }
        };
    EdgeReader first = readers.get();
    if (!parallel || count < PARALLEL_MINIMUM) {
      first.read(sink, 0, count, kinds, classOf, shallow, mainTicks);
      sink.finish(count);
    } else {
      readInHalves(first, readers, count, sink, kinds, classOf, shallow, scratch, done, mainTicks);
    }
    progress.progress("reading references", count, count);
    for (String problem : first.problems()) {
      if (scan.warnings.size() < EdgeReader.MAX_PROBLEMS) {
        scan.warnings.add(problem);
      }
    }
    String dangling = first.danglingWarningOrNull(classOf);
    if (dangling != null) {
      scan.warnings.add(dangling);
    }
    return sink.size();
  }

  private static void readInHalves(
      EdgeReader first,
      Supplier<EdgeReader> readers,
      int count,
      EdgeSink sink,
      ByteArray kinds,
      IntArray classOf,
      LongArray shallow,
      BigArrays scratch,
      AtomicLong done,
      Runnable mainTicks)
      throws HprofFormatException {
    int middle = count / 2;
    long capacity = sink.targets.size();
    EdgeReader second = readers.get();
    try (LongArray weak = scratch.newLongArray((capacity + 63) >>> 6)) {
      long[] start = {-1};
      EdgeSink[] secondSink = new EdgeSink[1];
      Throwable[] failure = new Throwable[1];
      boolean[] stop = new boolean[1];
      Object lock = new Object();
      Thread helper =
          new Thread(
              () -> {
                try {
                  start[0] = second.edgeBound(0, middle);
                  secondSink[0] = new EdgeSink(sink.offsets, sink.targets, sink.labels, weak, start[0]);
                  second.read(
                      secondSink[0], middle, count, kinds, classOf, shallow,
                      () -> {
                        done.addAndGet(EdgeReader.TICK);
                        synchronized (lock) {
                          if (stop[0]) {
                            throw new CancelledException();
                          }
                        }
                      });
                } catch (Throwable e) {
                  failure[0] = e;
                }
              },
              "hpq-edge-reader");
      helper.setDaemon(true);
      helper.start();
      try {
        first.read(sink, 0, middle, kinds, classOf, shallow, mainTicks);
      } catch (HprofFormatException | RuntimeException | Error e) {
        synchronized (lock) {
          stop[0] = true;
        }
        TwoThreads.joinUninterruptibly(helper);
        throw e;
      }
      TwoThreads.joinUninterruptibly(helper);
      long firstSize = sink.size();
      if (failure[0] != null) {
        // The second half failed (a malformed dump, no room behind the bound): read it again here,
        // after the first, so that the failure and the warnings are those of a single reader.
        EdgeReader again = readers.get();
        again.read(sink, middle, count, kinds, classOf, shallow, mainTicks);
        sink.finish(count);
        absorb(first, again);
        return;
      }
      if (firstSize > start[0]) {
        throw new IllegalStateException("the first half's " + firstSize + " edges exceed their bound " + start[0]);
      }
      long secondSize = secondSink[0].size() - start[0];
      moveDown(sink.targets, start[0], firstSize, secondSize);
      moveDown(sink.labels, start[0], firstSize, secondSize);
      // Leave nothing behind the edges, as a single reader would.
      long staleFrom = Math.max(firstSize + secondSize, start[0]);
      sink.targets.fill(staleFrom, start[0] + secondSize, 0);
      sink.labels.fill(staleFrom, start[0] + secondSize, 0);
      for (long word = 0; word < (secondSize + 63) >>> 6; word++) {
        for (long bits = weak.get(word); bits != 0; bits &= bits - 1) {
          long position = firstSize + (word << 6) + Long.numberOfTrailingZeros(bits);
          sink.weakBits.set(position >>> 6, sink.weakBits.get(position >>> 6) | (1L << position));
        }
      }
      long gap = start[0] - firstSize;
      long[] chunk = new long[1 << 14];
      for (long object = middle; object < count && gap > 0; object += chunk.length) {
        int length = (int) Math.min(chunk.length, count - object);
        sink.offsets.get(object, chunk, 0, length);
        for (int k = 0; k < length; k++) {
          chunk[k] -= gap;
        }
        sink.offsets.set(object, chunk, 0, length);
      }
      sink.moveTo(firstSize + secondSize);
      sink.finish(count);
      absorb(first, second);
    }
  }

  /** Moves {@code length} values from {@code from} down to {@code to} (not above {@code from}). */
  private static void moveDown(IntArray values, long from, long to, long length) {
    if (from == to) {
      return;
    }
    int[] chunk = new int[1 << 14];
    for (long done = 0; done < length; done += chunk.length) {
      int piece = (int) Math.min(chunk.length, length - done);
      values.get(from + done, chunk, 0, piece);
      values.set(to + done, chunk, 0, piece);
    }
  }

  /** Appends the problems and dangling references of {@code later} to those of {@code first}. */
  private static void absorb(EdgeReader first, EdgeReader later) {
    for (String problem : later.problems()) {
      if (first.problems().size() < EdgeReader.MAX_PROBLEMS) {
        first.problems().add(problem);
      }
    }
    first.absorbDangling(later);
  }
}
