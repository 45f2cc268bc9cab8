package org.hpq.equivalence.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.hpq.equivalence.Heap;
import org.hpq.equivalence.Relation;
import org.hpq.hprof.HeapDump;
import org.hpq.setalgebra.NodeSet;

/**
 * One pass over a set that counts its members per class of a relation ({@link ClassTally}).
 * Relations that compute keys in bulk ({@link BulkKeys}) may be run on several threads: the set
 * is cut into spans of object indexes that the workers take in turn, each worker with its own
 * tally, merged at the end; the result is the same for any number of threads. Other relations
 * run on the calling thread alone, in ascending member order, as their {@code key} may intern
 * new keys in first-come order.
 *
 * <p>Cancels with {@link CancellationException} when the calling thread is interrupted; reports
 * progress to the heap's listener from the calling thread.
 */
public final class PartitionPass {
  /** Sets from this many members on are cut up for several threads. */
  public static final long PARALLEL_THRESHOLD = 1L << 20;

  /** The object-index span a worker takes at a time: one container of the set's bitmap. */
  public static final int DEFAULT_SPAN = 1 << 16;

  /** More threads than this gain little: the pass is bound by reading the index. */
  private static final int MAX_THREADS = 4;

  private static final int BATCH = 4096;
  private static final int PROGRESS_STEP = 1 << 20;

  private PartitionPass() {}

  /** The threads a pass over {@code set} uses by default: every core for a large set, else one. */
  public static int defaultThreads(NodeSet set) {
    if (set.count() < PARALLEL_THRESHOLD) {
      return 1;
    }
    return Math.max(1, Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()));
  }

  /**
   * Tallies {@code set} by {@code relation} on up to {@code threads} threads (one for relations
   * without bulk keys), taking {@code span} object indexes at a time.
   *
   * @throws CancellationException if the calling thread is interrupted meanwhile
   */
  public static ClassTally run(Heap heap, NodeSet set, Relation relation, int maxKeptClasses, int threads, int span) {
    BulkKeys bulk = relation instanceof BulkKeys keys ? keys : null;
    if (bulk == null || threads <= 1 || set.isEmpty()) {
      return sequential(heap, set, relation, bulk, maxKeptClasses);
    }
    return parallel(heap, set, relation, bulk, maxKeptClasses, threads, span);
  }

  private static ClassTally sequential(Heap heap, NodeSet set, Relation relation, BulkKeys bulk, int maxKeptClasses) {
    KeyBatch batch = bulk != null ? bulk.newBatch() : genericBatch(relation);
    Worker worker = new Worker(heap.dump(), batch, new ClassTally(bulk, maxKeptClasses, set.count()), BATCH);
    long total = set.count();
    long[] visited = new long[1];
    set.forEach(
        node -> {
          worker.nodes[worker.filled++] = node;
          if (worker.filled == BATCH) {
            heap.checkCancelled();
            worker.flush();
            visited[0] += BATCH;
            if ((visited[0] & (PROGRESS_STEP - 1)) == 0) {
              heap.progress().progress("by" + relation.name(), visited[0], total);
            }
          }
        });
    worker.flush();
    BulkKeys.Settlement settled = bulk == null ? null : bulk.settle(List.of(batch));
    return ClassTally.merge(List.of(worker.tally), settled, bulk, maxKeptClasses);
  }

  private static KeyBatch genericBatch(Relation relation) {
    return (nodes, count, keys) -> {
      for (int i = 0; i < count; i++) {
        keys[i] = relation.key(nodes[i]);
      }
    };
  }

  private static ClassTally parallel(
      Heap heap, NodeSet set, Relation relation, BulkKeys bulk, int maxKeptClasses, int threads, int span) {
    AtomicLong visited = new AtomicLong();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<Worker> workers = new ArrayList<>(threads);
    List<KeyBatch> batches = new ArrayList<>(threads);
    for (int i = 0; i < threads; i++) {
      KeyBatch batch = bulk.newBatch();
      batches.add(batch);
      workers.add(new Worker(heap.dump(), batch, new ClassTally(bulk, maxKeptClasses, set.count()), span));
    }
    Spans spans = new Spans(set, span);
    List<Thread> helpers = new ArrayList<>(threads - 1);
    for (int i = 1; i < threads; i++) {
      Worker worker = workers.get(i);
      Thread helper = new Thread(() -> {
        try {
          while (!stop.get() && spans.take(worker)) {
            visited.addAndGet(worker.filled);
            worker.flush();
          }
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
          stop.set(true);
        }
      }, "hpq-partition-" + i);
      helper.setDaemon(true);
      helpers.add(helper);
      helper.start();
    }
    try {
      // The calling thread works too, and alone checks for cancellation and reports progress.
      Worker worker = workers.get(0);
      long total = set.count();
      long reported = 0;
      while (!stop.get() && spans.take(worker)) {
        heap.checkCancelled();
        long done = visited.addAndGet(worker.filled);
        worker.flush();
        if (done - reported >= PROGRESS_STEP) {
          reported = done;
          heap.progress().progress("by" + relation.name(), done, total);
        }
      }
      joinAll(helpers);
    } catch (RuntimeException | Error e) {
      stop.set(true);
      joinUninterruptibly(helpers);
      throw e;
    }
    Throwable failed = failure.get();
    if (failed instanceof RuntimeException e) {
      throw e;
    } else if (failed instanceof Error e) {
      throw e;
    } else if (failed != null) {
      throw new IllegalStateException(failed);
    }
    List<ClassTally> tallies = new ArrayList<>(threads);
    for (Worker worker : workers) {
      tallies.add(worker.tally);
    }
    return ClassTally.merge(tallies, bulk.settle(batches), bulk, maxKeptClasses);
  }

  /** The spans of object indexes of a set, handed out in ascending order. Thread-safe. */
  private static final class Spans {
    private final NodeSet set;
    private final int span;
    private final long first;
    private final long count;
    private final AtomicInteger next = new AtomicInteger();

    Spans(NodeSet set, int span) {
      this.set = set;
      this.span = span;
      this.first = set.first() / span;
      this.count = set.last() / span - first + 1;
    }

    /** Fills the worker's buffer with the members of the next span; false when none is left. */
    boolean take(Worker worker) {
      int taken = next.getAndIncrement();
      if (taken >= count) {
        return false;
      }
      long from = (first + taken) * span;
      long to = Math.min(from + span, (long) Integer.MAX_VALUE);
      set.and(NodeSet.range((int) from, (int) to)).forEach(node -> worker.nodes[worker.filled++] = node);
      return true;
    }
  }

  private static void joinAll(List<Thread> helpers) {
    for (Thread helper : helpers) {
      try {
        helper.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CancellationException("cancelled");
      }
    }
  }

  private static void joinUninterruptibly(List<Thread> helpers) {
    boolean interrupted = false;
    for (Thread helper : helpers) {
      while (helper.isAlive()) {
        try {
          helper.join();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** One worker's batch, tally and buffers. */
  private static final class Worker {
    /** Spans at most this many times longer than their member count have their sizes read in bulk. */
    private static final int DENSITY = 4;

    final HeapDump dump;
    final KeyBatch batch;
    final ClassTally tally;
    final int[] nodes;
    final long[] keys;
    private long[] sizes = new long[0];
    int filled;

    Worker(HeapDump dump, KeyBatch batch, ClassTally tally, int capacity) {
      this.dump = dump;
      this.batch = batch;
      this.tally = tally;
      this.nodes = new int[capacity];
      this.keys = new long[capacity];
    }

    /** Counts the buffered members. */
    void flush() {
      if (filled == 0) {
        return;
      }
      batch.keys(nodes, filled, keys);
      int first = nodes[0];
      long length = (long) nodes[filled - 1] - first + 1;
      if (length > (long) filled * DENSITY) {
        for (int i = 0; i < filled; i++) {
          int node = nodes[i];
          tally.add(keys[i], node, dump.shallowSize(node));
        }
      } else {
        if (sizes.length < length) {
          sizes = new long[(int) length];
        }
        dump.shallowSizes(first, sizes, 0, (int) length);
        for (int i = 0; i < filled; i++) {
          int node = nodes[i];
          tally.add(keys[i], node, sizes[node - first]);
        }
      }
      filled = 0;
    }
  }
}
