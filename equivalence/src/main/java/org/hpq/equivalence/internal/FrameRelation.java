package org.hpq.equivalence.internal;

import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import org.hpq.equivalence.Heap;
import org.hpq.equivalence.Relation;
import org.hpq.hprof.GcRoot;

/**
 * The thread stack frame whose locals hold an object (Java-frame and JNI-local roots), as {@code
 * thread: Class.method(File.java:line)}; {@code <not held by a frame>} for the rest.
 */
public final class FrameRelation implements Relation {
  private final Interner<String> frames = new Interner<>();
  private final Int2IntOpenHashMap frameOf = new Int2IntOpenHashMap();

  public FrameRelation(Heap heap) {
    frames.id("<not held by a frame>");
    for (GcRoot root : heap.dump().roots()) {
      if (root.frame() != null && !frameOf.containsKey(root.object())) {
        String thread = root.threadName() != null ? root.threadName() : "thread " + root.threadSerial();
        frameOf.put(root.object(), frames.id(thread + ": " + root.frame()));
      }
    }
  }

  @Override
  public String name() {
    return "frame";
  }

  @Override
  public String header() {
    return "Stack Frame";
  }

  @Override
  public long key(int node) {
    return frameOf.getOrDefault(node, 0);
  }

  @Override
  public String label(long key) {
    return frames.value((int) key);
  }
}
