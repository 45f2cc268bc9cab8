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
 * half of the objects (by index) is read on the calling thread straight into the edge arrays, the
 * second half on a helper thread into scratch arrays, which are then moved in behind the first
 * half's edges. The result (edges, labels, weak bits, warnings and their order, the exception
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
      readInHalves(first, readers.get(), count, sink, kinds, classOf, shallow, scratch, done, mainTicks);
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
      EdgeReader second,
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
    try (IntArray targets = scratch.newIntArray(capacity);
        IntArray labels = scratch.newIntArray(capacity);
        LongArray weak = scratch.newLongArray((capacity + 63) >>> 6)) {
      EdgeSink secondSink = new EdgeSink(sink.offsets, targets, labels, weak);
      Throwable[] failure = new Throwable[1];
      boolean[] stop = new boolean[1];
      Object lock = new Object();
      Thread helper =
          new Thread(
              () -> {
                try {
                  second.read(
                      secondSink, middle, count, kinds, classOf, shallow,
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
        joinQuietly(helper);
        throw e;
      }
      joinQuietly(helper);
      rethrow(failure[0]);
      long firstSize = sink.size();
      long secondSize = secondSink.size();
      if (firstSize + secondSize > capacity) {
        throw new IllegalStateException("edge capacity " + capacity + " exceeded");
      }
      sink.targets.copyFrom(targets, 0, firstSize, secondSize);
      sink.labels.copyFrom(labels, 0, firstSize, secondSize);
      for (long word = 0; word < (secondSize + 63) >>> 6; word++) {
        for (long bits = weak.get(word); bits != 0; bits &= bits - 1) {
          long position = firstSize + (word << 6) + Long.numberOfTrailingZeros(bits);
          sink.weakBits.set(position >>> 6, sink.weakBits.get(position >>> 6) | (1L << position));
        }
      }
      long[] chunk = new long[1 << 14];
      for (long object = middle; object < count; object += chunk.length) {
        int length = (int) Math.min(chunk.length, count - object);
        sink.offsets.get(object, chunk, 0, length);
        for (int k = 0; k < length; k++) {
          chunk[k] += firstSize;
        }
        sink.offsets.set(object, chunk, 0, length);
      }
      sink.moveTo(firstSize + secondSize);
      sink.finish(count);
      for (String problem : second.problems()) {
        if (first.problems().size() < EdgeReader.MAX_PROBLEMS) {
          first.problems().add(problem);
        }
      }
      first.absorbDangling(second);
    }
  }

  private static void joinQuietly(Thread thread) {
    boolean interrupted = false;
    while (true) {
      try {
        thread.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static void rethrow(Throwable failure) throws HprofFormatException {
    if (failure == null) {
      return;
    }
    if (failure instanceof HprofFormatException format) {
      throw format;
    }
    if (failure instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (failure instanceof Error error) {
      throw error;
    }
    throw new IllegalStateException(failure);
  }
}
