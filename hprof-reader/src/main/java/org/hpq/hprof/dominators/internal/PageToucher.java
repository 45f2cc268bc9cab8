package org.hpq.hprof.dominators.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongUnaryOperator;
import org.hpq.hprof.concurrent.TwoThreads;
import org.hpq.hprof.store.IntArray;
import org.hpq.hprof.store.LongArray;

/**
 * Reads one element of every 4 KB page of some arrays on a background thread, so that the first
 * touch of fresh memory happens on an otherwise idle core rather than in the thread that writes
 * the page later. On the machines hpq is measured on, the first touch of a page of a new mapped
 * file (the kernel allocating and zero-filling it) costs up to about 3 s of system time a GB; a
 * read fault pays that, and the later write fault of the page only marks it writable.
 *
 * <p>Reading never changes an array, so the touching may race freely with the writers of the
 * arrays. The arrays are touched in rounds, each round a further slice of every array, so that
 * all of them are ahead of writers that fill them from the front. {@link #close} stops and waits
 * for the thread; it must be called before any of the arrays is closed (a read of an unmapped
 * file would crash the VM). Heap arrays are touched too, to no effect; callers skip small work.
 */
final class PageToucher implements AutoCloseable {
  private static final long PAGE_BYTES = 4096;
  private static final int ROUNDS = 256;

  private final List<Target> targets = new ArrayList<>();
  private final AtomicBoolean stop = new AtomicBoolean();
  private Thread thread;

  /** One array: reads element {@code index}; {@code size} elements, {@code stride} a page. */
  private record Target(LongUnaryOperator reader, long size, long stride) {}

  /** Adds {@code array} to the arrays to touch; only before {@link #start}. */
  PageToucher add(IntArray array) {
    targets.add(new Target(array::get, array.size(), PAGE_BYTES / Integer.BYTES));
    return this;
  }

  /** Adds {@code array} to the arrays to touch; only before {@link #start}. */
  PageToucher add(LongArray array) {
    targets.add(new Target(array::get, array.size(), PAGE_BYTES / Long.BYTES));
    return this;
  }

  /** Starts touching on a daemon thread; at most once. */
  PageToucher start() {
    thread = new Thread(this::touchAll, "hpq-page-toucher");
    thread.setDaemon(true);
    thread.start();
    return this;
  }

  private void touchAll() {
    long sum = 0;
    for (int round = 0; round < ROUNDS && !stop.get(); round++) {
      for (Target target : targets) {
        long from = target.size() * round / ROUNDS;
        long to = target.size() * (round + 1) / ROUNDS;
        long stride = target.stride();
        for (long index = (from + stride - 1) / stride * stride; index < to; index += stride) {
          sum += target.reader().applyAsLong(index);
        }
      }
    }
    Prefetch.consume(sum);
  }

  /** Stops the touching and waits for the thread to end; nothing if never started. */
  @Override
  public void close() {
    if (thread == null) {
      return;
    }
    stop.set(true);
    TwoThreads.joinUninterruptibly(thread);
    thread = null;
  }
}
