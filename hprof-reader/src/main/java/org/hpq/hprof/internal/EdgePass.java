package org.hpq.hprof.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.hpq.hprof.HprofFormatException;
import org.hpq.hprof.ProgressListener;
import org.hpq.hprof.concurrent.TwoThreads;
import org.hpq.hprof.store.BigArrays;
import org.hpq.hprof.store.ByteArray;
import org.hpq.hprof.store.IntArray;
import org.hpq.hprof.store.LongArray;

/**
 * The second pass, on two threads when the dump is large and can be read concurrently. The
 * objects are cut into chunks; the calling thread takes chunks from the front and writes their
 * edges straight into the sink, while a helper thread takes chunks from the back and writes
 * their edges into spare arrays, chunk after chunk. When the two meet, the helper's chunks are
 * copied behind the caller's in object order and their offsets moved with them. Taking chunks
 * from both ends keeps both threads busy to the end, however unevenly the edges are spread, with
 * no pass to count the edges first.
 *
 * <p>The result (edges, labels, weak bits, kinds, classes, sizes, warnings and their order, the
 * exception thrown for a malformed dump) is the same as one reader over all objects would give:
 * the helper's problems are kept by chunk and put in object order; the first dangling reference
 * is the one of the lowest object; and when the helper fails, its work is dropped and the caller
 * reads its chunks again, in order, after its own, so that the failure is the first a single
 * reader would meet.
 */
final class EdgePass {
  /** Objects of the dump below which one thread reads them all. */
  private static final int PARALLEL_MINIMUM = 1 << 20;
  /** Objects in a chunk. */
  private static final int CHUNK_OBJECTS = 1 << 16;

  private EdgePass() {}

  /**
   * Reads every object's edges into {@code sink} (finished) and its kind, class and shallow size;
   * adds the readers' warnings to {@code scan}. {@code readers} makes one reader a call, each
   * with its own cursor; {@code parallel} says whether two may run at once. {@code spareTargets}
   * and {@code spareLabels} (as long as the sink's arrays) hold the helper thread's edges until
   * they are copied into place; their contents afterwards are unspecified.
   *
   * @return the number of edges, and how many of them were parked in the spare arrays
   */
  static Result read(
      Supplier<EdgeReader> readers,
      boolean parallel,
      int count,
      EdgeSink sink,
      ObjectColumns columns,
      IntArray spareTargets,
      IntArray spareLabels,
      BigArrays scratch,
      ScanResult scan,
      ProgressListener progress)
      throws HprofFormatException {
    progress.progress("reading references", 0, count);
    EdgeReader first = readers.get();
    // System properties let tests make every dump take the two-thread path, in tiny chunks.
    int minimum = Integer.getInteger("hpq.parallelEdgeMinimum", PARALLEL_MINIMUM);
    int chunkObjects = Math.max(1, Integer.getInteger("hpq.edgeChunkObjects", CHUNK_OBJECTS));
    long[] parked = new long[1];
    if (!parallel || count < minimum || count <= chunkObjects) {
      AtomicLong done = new AtomicLong();
      first.read(sink, 0, count, columns.kinds(), columns.classOf(), columns.shallow(),
          () -> tick(progress, done.addAndGet(EdgeReader.TICK), count));
      sink.finish(count);
    } else {
      parked[0] =
          new FromBothEnds(readers, first, count, chunkObjects, sink, columns, spareTargets, spareLabels, scratch, progress)
              .read();
    }
    progress.progress("reading references", count, count);
    for (String problem : first.problems()) {
      if (scan.warnings.size() < EdgeReader.MAX_PROBLEMS) {
        scan.warnings.add(problem);
      }
    }
    String dangling = first.danglingWarningOrNull(columns.classOf());
    if (dangling != null) {
      scan.warnings.add(dangling);
    }
    return new Result(sink.size(), parked[0]);
  }

  /** What the pass read: {@code edges} in all, the first {@code parkedEdges} spare positions used. */
  record Result(long edges, long parkedEdges) {}

  /** The per-object arrays the pass fills besides the edges. */
  record ObjectColumns(ByteArray kinds, IntArray classOf, LongArray shallow) {}

  private static void tick(ProgressListener progress, long done, int count) {
    progress.progress("reading references", Math.min(done, count), count);
    if (Thread.interrupted()) {
      throw new CancelledException();
    }
  }

  /** One two-thread pass: the caller's chunks from the front, the helper's from the back. */
  private static final class FromBothEnds {
    private final Supplier<EdgeReader> readers;
    private final EdgeReader first;
    private final int count;
    private final int chunkObjects;
    private final int chunkCount;
    private final EdgeSink sink;
    private final ObjectColumns columns;
    private final IntArray spareTargets;
    private final IntArray spareLabels;
    private final BigArrays scratch;
    private final ProgressListener progress;
    private final AtomicLong done = new AtomicLong();
    /** Chunks [front, back) are not taken yet. */
    private int front;
    private int back;
    private volatile boolean stop;
    /** Per chunk the helper read: where its edges start in the spare arrays. */
    private final long[] spareStart;
    /** The helper's problems, by chunk, for the chunks that had any. */
    private final List<List<String>> chunkProblems;

    FromBothEnds(
        Supplier<EdgeReader> readers,
        EdgeReader first,
        int count,
        int chunkObjects,
        EdgeSink sink,
        ObjectColumns columns,
        IntArray spareTargets,
        IntArray spareLabels,
        BigArrays scratch,
        ProgressListener progress) {
      this.readers = readers;
      this.first = first;
      this.count = count;
      this.chunkObjects = chunkObjects;
      this.chunkCount = (int) ((count + (long) chunkObjects - 1) / chunkObjects);
      this.sink = sink;
      this.columns = columns;
      this.spareTargets = spareTargets;
      this.spareLabels = spareLabels;
      this.scratch = scratch;
      this.progress = progress;
      this.back = chunkCount;
      this.spareStart = new long[chunkCount + 1];
      this.chunkProblems = new ArrayList<>();
      for (int c = 0; c < chunkCount; c++) {
        chunkProblems.add(null);
      }
    }

    private synchronized int takeFront() {
      return front < back ? front++ : -1;
    }

    private synchronized int takeBack() {
      return !stop && front < back ? --back : -1;
    }

    private int start(int chunk) {
      return (int) Math.min((long) chunk * chunkObjects, count);
    }

    /** Reads every object; returns how many spare positions the helper wrote. */
    long read() throws HprofFormatException {
      long capacity = sink.targets.size();
      try (LongArray spareWeak = scratch.newLongArray((capacity + 63) >>> 6)) {
        EdgeSink spare =
            new EdgeSink(sink.offsets, spareTargets, spareLabels, spareWeak, new OutLabels.Encoder(sink.encoder.narrow()));
        EdgeReader second = readers.get();
        int[] helperFirstChunk = {chunkCount};
        // What the helper throws is not rethrown: on any failure its chunks are read again below.
        TwoThreads.Helper helper = TwoThreads.start("hpq-edge-reader", () -> {
          try {
            for (int chunk = takeBack(); chunk >= 0; chunk = takeBack()) {
              spareStart[chunk] = spare.size();
              second.read(spare, start(chunk), start(chunk + 1), columns.kinds(), columns.classOf(), columns.shallow(),
                  () -> {});
              helperFirstChunk[0] = chunk;
              if (!second.problems().isEmpty()) {
                chunkProblems.set(chunk, new ArrayList<>(second.problems()));
                second.problems().clear();
              }
              helperTick(chunk);
            }
          } catch (HprofFormatException e) {
            throw new IllegalStateException(e);
          }
        });
        try {
          for (int chunk = takeFront(); chunk >= 0; chunk = takeFront()) {
            first.read(sink, start(chunk), start(chunk + 1), columns.kinds(), columns.classOf(), columns.shallow(),
                () -> {});
            callerTick(chunk);
          }
        } catch (HprofFormatException | RuntimeException | Error e) {
          stop = true;
          helper.join();
          throw e;
        }
        if (helper.join() != null) {
          // The helper failed (a malformed dump, or no room): read its chunks again here, in
          // order, so that the failure and the warnings are those of a single reader.
          first.read(sink, start(back), count, columns.kinds(), columns.classOf(), columns.shallow(),
              () -> tick(progress, done.addAndGet(EdgeReader.TICK), count));
          sink.finish(count);
          return spare.size();
        }
        spareStart[chunkCount] = spare.size();
        placeHelperChunks(helperFirstChunk[0], spare.encoder, spareWeak);
        for (int chunk = helperFirstChunk[0]; chunk < chunkCount; chunk++) {
          List<String> problems = chunkProblems.get(chunk);
          for (int k = 0; problems != null && k < problems.size(); k++) {
            if (first.problems().size() < EdgeReader.MAX_PROBLEMS) {
              first.problems().add(problems.get(k));
            }
          }
        }
        first.absorbDangling(second);
        return spare.size();
      }
    }

    /** Counts the helper's chunk; stops the helper when the caller has failed. */
    private void helperTick(int chunk) {
      done.addAndGet(start(chunk + 1) - start(chunk));
      if (stop) {
        throw new CancelledException();
      }
    }

    /** Counts the caller's chunk, reports progress, and stops on an interrupt. */
    private void callerTick(int chunk) {
      long now = done.addAndGet(start(chunk + 1) - start(chunk));
      progress.progress("reading references", now, count);
      if (Thread.interrupted()) {
        throw new CancelledException();
      }
    }

    /**
     * Copies the helper's chunks, {@code firstChunk} to the last, behind the caller's edges in
     * chunk order, with their weak bits, and moves their objects' offsets by as much. Two threads
     * copy, each a run of chunks holding about half the edges; the weak bits (few, and two chunks
     * may share a word) and the label codes the helper kept aside are moved afterwards on this
     * thread. The labels are stored relative to their source's other edges only ({@link
     * OutLabels}), so they are copied as they are.
     */
    private void placeHelperChunks(int firstChunk, OutLabels.Encoder spareEncoder, LongArray spareWeak) {
      // The helper read the chunks from the back: a chunk's edges end where those of the one
      // below it begin, and the lowest chunk's where the helper stopped.
      long[] target = new long[chunkCount + 1];
      target[firstChunk] = sink.size();
      for (int chunk = firstChunk; chunk < chunkCount; chunk++) {
        target[chunk + 1] = target[chunk] + spareLength(chunk, firstChunk);
      }
      long half = (target[firstChunk] + target[chunkCount]) / 2;
      int middle = firstChunk;
      while (middle < chunkCount && target[middle] < half) {
        middle++;
      }
      int split = middle;
      TwoThreads.run("hpq-edge-mover", () -> copyChunks(split, chunkCount, firstChunk, target),
          () -> copyChunks(firstChunk, split, firstChunk, target));
      for (int chunk = firstChunk; chunk < chunkCount; chunk++) {
        long from = spareStart[chunk];
        long length = spareLength(chunk, firstChunk);
        sink.encoder.takeEscapes(spareEncoder, from, length, target[chunk] - from);
        for (long word = from >>> 6; length > 0 && word <= (from + length - 1) >>> 6; word++) {
          for (long bits = spareWeak.get(word); bits != 0; bits &= bits - 1) {
            long bit = (word << 6) + Long.numberOfTrailingZeros(bits);
            if (bit >= from && bit < from + length) {
              long moved = target[chunk] + (bit - from);
              sink.weakBits.set(moved >>> 6, sink.weakBits.get(moved >>> 6) | (1L << moved));
            }
          }
        }
      }
      sink.moveTo(target[chunkCount]);
      sink.finish(count);
    }

    private long spareLength(int chunk, int firstChunk) {
      return (chunk > firstChunk ? spareStart[chunk - 1] : spareStart[chunkCount]) - spareStart[chunk];
    }

    /** Copies the edges and moves the offsets of the helper's chunks [{@code from}, {@code to}). */
    private void copyChunks(int from, int to, int firstChunk, long[] target) {
      long[] offsets = new long[1 << 14];
      for (int chunk = from; chunk < to; chunk++) {
        long start = spareStart[chunk];
        long length = spareLength(chunk, firstChunk);
        sink.targets.copyFrom(spareTargets, start, target[chunk], length);
        sink.labels.copyFrom(spareLabels, start, target[chunk], length);
        long shift = target[chunk] - start;
        for (int object = start(chunk); object < start(chunk + 1); object += offsets.length) {
          int piece = Math.min(offsets.length, start(chunk + 1) - object);
          sink.offsets.get(object, offsets, 0, piece);
          for (int k = 0; k < piece; k++) {
            offsets[k] += shift;
          }
          sink.offsets.set(object, offsets, 0, piece);
        }
      }
    }
  }
}
