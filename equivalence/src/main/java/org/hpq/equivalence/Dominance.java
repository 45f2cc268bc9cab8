package org.hpq.equivalence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.PrimitiveIterator;
import java.util.function.IntPredicate;
import java.util.function.Supplier;
import org.hpq.hprof.dominators.DominatorTree;
import org.hpq.hprof.dominators.Dominos;
import org.hpq.hprof.dominators.ObjectGraph;
import org.hpq.hprof.dominators.TaskMonitor;
import org.hpq.hprof.paths.ShortestPathResult;
import org.hpq.hprof.paths.ShortestPaths;
import org.hpq.hprof.paths.WeakEdges;
import org.hpq.hprof.store.BigArrays;
import org.hpq.hprof.store.ScratchSpace;
import org.hpq.setalgebra.NodeSet;

/**
 * The dominator tree of a heap (from its index) and retained sets of object sets. Cancels
 * when the calling thread is interrupted.
 */
public final class Dominance {
  private final Heap heap;
  private BigArrays scratch;

  Dominance(Heap heap) {
    this.heap = heap;
  }

  /**
   * Scratch space for whole-graph walks, made on first need (most sessions never walk): in a
   * memory file system when it and the free memory have room for about 40 bytes an object (twice
   * what the walks hold at once), else in the temporary directory; see {@link ScratchSpace}.
   */
  private synchronized BigArrays scratch() {
    if (scratch == null) {
      try {
        Path base =
            ScratchSpace.choose(null, Path.of(System.getProperty("java.io.tmpdir")), 40L * heap.dump().objectCount());
        Path directory = Files.createTempDirectory(base, "hpq-dominators-");
        directory.toFile().deleteOnExit();
        scratch = BigArrays.scratchIn(directory);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return scratch;
  }

  /** The graph as the dominator algorithms see it. */
  public ObjectGraph graph() {
    return heap.dump().objectGraph();
  }

  /** The dominator tree, stored in the dump's index. */
  public DominatorTree tree() {
    return heap.dump().dominatorTree();
  }

  /** Retained size of one object. */
  public long retainedSize(int node) {
    return tree().retainedSize(node);
  }

  /** Immediate dominator of one object: an object index, or a negative constant of {@link DominatorTree}. */
  public int immediateDominator(int node) {
    return tree().immediateDominator(node);
  }

  /** {@code dominos}: the objects freed if every member of {@code set} were freed, {@code set} included. */
  public NodeSet dominos(NodeSet set) {
    NodeSet.Builder result = NodeSet.builder();
    Dominos.dominos(graph(), tree(), membership(set), members(set), result::add, scratch(), monitor());
    return result.build();
  }

  /**
   * {@code domisize}: the total shallow size of {@link #dominos}; the retained size of the one
   * top member when the set has one, else a search of the graph (from the members when they
   * reach few objects, else from the roots).
   */
  public long domisize(NodeSet set) {
    return Dominos.domisize(graph(), tree(), membership(set), members(set), scratch(), monitor());
  }

  private static Supplier<PrimitiveIterator.OfInt> members(NodeSet set) {
    return set::iterator;
  }

  /** Sets from this many members on are tested for membership through a plain bit set. */
  static final long BIT_SET_MEMBERSHIP = 1 << 12;

  /**
   * A membership test of {@code set} for walks that ask it once per object met: a bit set for a
   * large set (one load instead of a search of the set's bitmap containers).
   */
  static IntPredicate membership(NodeSet set) {
    if (set.count() < BIT_SET_MEMBERSHIP) {
      return set::contains;
    }
    int last = set.last();
    long[] words = new long[(last >>> 6) + 1];
    set.forEach(node -> words[node >>> 6] |= 1L << node);
    return node -> node >= 0 && node <= last && (words[node >>> 6] & (1L << node)) != 0;
  }

  /**
   * Shortest paths from the roots to the nearest members of {@code targets}, listing up to
   * {@code maxPaths} of them; see {@link ShortestPaths#find}.
   */
  public ShortestPathResult shortestPaths(NodeSet targets, WeakEdges weakEdges, int maxPaths) {
    return ShortestPaths.find(graph(), targets::contains, weakEdges, maxPaths, scratch(), monitor());
  }

  private TaskMonitor monitor() {
    return TaskMonitor.of(() -> Thread.currentThread().isInterrupted(), heap.progress());
  }
}
