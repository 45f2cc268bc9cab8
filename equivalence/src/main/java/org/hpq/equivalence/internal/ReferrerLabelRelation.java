package org.hpq.equivalence.internal;

import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hpq.equivalence.Heap;
import org.hpq.equivalence.Relation;
import org.hpq.hprof.GcRoot;
import org.hpq.hprof.HeapDump;
import org.hpq.hprof.RootKind;
import org.hpq.hprof.graph.Csr;
import org.hpq.setalgebra.Classifier;

/**
 * A relation whose class is the set of codes of an object's incoming edges: Rcs (the clodo keys
 * of the referrers) and Via (the edge labels). Roots add a code per root kind. Read from the
 * stored inbound edges and labels, never by scanning referrers' fields.
 */
public abstract class ReferrerLabelRelation implements Relation, BulkKeys {
  /** Root-kind codes sit above every other code so they sort last. */
  static final long ROOT_CODE_BASE = Long.MAX_VALUE - 1024;

  /** Only the first this many inbound edges of an object are read. */
  static final int MAX_EDGES = 1 << 20;

  /** Single codes below this are counted densely in partitions (array slots of via). */
  private static final long DENSE_CODES = 1L << 30;

  final Heap heap;
  private final LabelSetTable sets = new LabelSetTable();
  private final ThreadLocal<long[]> scratch = ThreadLocal.withInitial(() -> new long[16]);
  private final LabelSetClassifier classifier;
  private final Int2ObjectOpenHashMap<long[]> rootCodes;
  /** Whether every root object has the dump's root flag, so others need no map lookup. */
  private final boolean rootsFlagged;

  ReferrerLabelRelation(Heap heap, String kindName) {
    this.heap = heap;
    this.classifier = new LabelSetClassifier(this, kindName);
    this.rootCodes = rootCodesByObject(heap.dump());
    boolean flagged = true;
    for (int object : rootCodes.keySet()) {
      flagged &= heap.dump().isRoot(object);
    }
    this.rootsFlagged = flagged;
  }

  /** The codes of the roots that hold {@code node}, or null when none does. */
  long[] rootCodes(int node) {
    return rootsFlagged && !heap.dump().isRoot(node) ? null : rootCodes.get(node);
  }

  /** {@link #rootCodes} of {@code node}, whose root flag ({@code HeapDump.isRoot}) is {@code isRoot}. */
  long[] rootCodes(int node, boolean isRoot) {
    return rootsFlagged && !isRoot ? null : rootCodes.get(node);
  }

  /** The code of the edge at inbound position {@code position} into {@code node}. */
  abstract long edgeCode(int node, long position);

  /** The text of a non-root code. */
  abstract String codeText(long code);

  /** The code of a label text, or throws {@link IllegalArgumentException} if it cannot occur. */
  abstract long codeOf(String text);

  /** The coder of inbound edges for one worker of a pass (as {@link #edgeCode}). */
  abstract EdgeCoder edgeCoder();

  @Override
  public KeyBatch newBatch() {
    return new LabelSetBatch(this, edgeCoder());
  }

  /** Region 0: ids of sets of codes; region 1: single codes (array slots of via). */
  @Override
  public int denseRegions() {
    return 2;
  }

  @Override
  public long denseSlot(long key) {
    if ((key & SINGLE) != 0) {
      long code = key & ~SINGLE;
      return code < DENSE_CODES ? (1L << 32) | code : -1;
    }
    return key >= 0 && key < DENSE_CODES ? key : -1;
  }

  @Override
  public long denseKey(int region, int index) {
    return region == 0 ? index : index | SINGLE;
  }

  @Override
  public int localIndex(long key) {
    return (key & SINGLE) == 0 && (key & LabelSetBatch.LOCAL) != 0 ? (int) key : -1;
  }

  /**
   * Gives the sets of the batches their ids: known sets their own, new ones the next free ids in
   * the order of the first object that has each (as one pass in ascending order would).
   */
  @Override
  public Settlement settle(List<KeyBatch> finished) {
    int batchCount = finished.size();
    LabelSetBatch[] batches = new LabelSetBatch[batchCount];
    int total = 0;
    for (int b = 0; b < batchCount; b++) {
      batches[b] = (LabelSetBatch) finished.get(b);
      total = Math.addExact(total, batches[b].localCount());
    }
    if (total == 0) {
      return null;
    }
    // Each batch met its sets in ascending object order: merge the batches' lists by first object.
    long[][] pools = new long[total][];
    int[] from = new int[total];
    int[] to = new int[total];
    int[] batchOf = new int[total];
    int[] indexOf = new int[total];
    int[] heads = new int[batchCount];
    for (int at = 0; at < total; at++) {
      int best = -1;
      for (int b = 0; b < batchCount; b++) {
        if (heads[b] < batches[b].localCount()
            && (best < 0 || batches[b].firstNode(heads[b]) < batches[best].firstNode(heads[best]))) {
          best = b;
        }
      }
      batchOf[at] = best;
      int index = heads[best]++;
      indexOf[at] = index;
      pools[at] = batches[best].pool();
      from[at] = batches[best].from(index);
      to[at] = batches[best].to(index);
    }
    int[] ids = sets.ids(total, pools, from, to);
    int[][] idsByBatch = new int[batchCount][];
    for (int b = 0; b < batchCount; b++) {
      idsByBatch[b] = new int[batches[b].localCount()];
    }
    for (int at = 0; at < total; at++) {
      idsByBatch[batchOf[at]][indexOf[at]] = ids[at];
    }
    return (batch, index) -> idsByBatch[batch][index];
  }

  /** The id of the node's label set, read into a reused buffer: no allocation per object. */
  @Override
  public long key(int node) {
    HeapDump dump = heap.dump();
    Csr inbound = dump.inbound();
    long start = inbound.start(node);
    long end = inbound.end(node);
    long[] roots = rootCodes(node);
    int extra = roots == null ? 0 : roots.length;
    int needed = (int) Math.min(end - start, MAX_EDGES) + extra;
    long[] codes = scratch.get();
    if (codes.length < needed) {
      codes = new long[Math.max(needed, codes.length * 2)];
      scratch.set(codes);
    }
    int count = 0;
    for (long p = start; p < end && count < needed - extra; p++) {
      codes[count++] = edgeCode(node, p);
    }
    for (int r = 0; r < extra; r++) {
      codes[count++] = roots[r];
    }
    int kept = LabelSets.sortDistinct(codes, count);
    if (kept == 1 && codes[0] >= 0 && codes[0] < SINGLE) {
      // One label (an array slot, one referrer kind): the key is the code itself, tagged, so
      // millions of distinct slots do not fill the table of label sets.
      return codes[0] | SINGLE;
    }
    return sets.id(codes, kept);
  }

  /** Tags a key that is a single code rather than an id of the table of sets. */
  static final long SINGLE = 1L << 62;

  /** The codes of a class key. */
  long[] codesOfKey(long key) {
    return (key & SINGLE) != 0 ? new long[] {key & ~SINGLE} : sets.codes((int) key);
  }

  @Override
  public String label(long key) {
    long[] codes = codesOfKey(key);
    if (codes.length == 0) {
      return "<Nothing>";
    }
    List<String> texts = new ArrayList<>(codes.length);
    for (long code : codes) {
      texts.add(text(code));
    }
    return String.join(", ", displayOrder(texts));
  }

  /** Labels in display order: by text with numbers by value ({@code [9]} before {@code [10]}). */
  List<String> displayOrder(List<String> texts) {
    texts.sort(NaturalOrder.INSTANCE);
    return texts;
  }

  String text(long code) {
    if (code >= ROOT_CODE_BASE) {
      return "<root: " + RootKind.values()[(int) (code - ROOT_CODE_BASE)].label() + ">";
    }
    return codeText(code);
  }

  /** The code of a label as a user writes it: {@code '.key'}, {@code '<root: JNI global>'}. */
  long parse(String text) {
    for (RootKind kind : RootKind.values()) {
      if (text.equals("<root: " + kind.label() + ">")) {
        return ROOT_CODE_BASE + kind.ordinal();
      }
    }
    return codeOf(text);
  }

  private static Int2ObjectOpenHashMap<long[]> rootCodesByObject(HeapDump dump) {
    var codes = new Int2ObjectOpenHashMap<long[]>();
    for (GcRoot root : dump.roots()) {
      long code = ROOT_CODE_BASE + root.kind().ordinal();
      long[] old = codes.get(root.object());
      if (old == null) {
        codes.put(root.object(), new long[] {code});
      } else if (Arrays.stream(old).noneMatch(c -> c == code)) {
        long[] grown = Arrays.copyOf(old, old.length + 1);
        grown[old.length] = code;
        codes.put(root.object(), grown);
      }
    }
    return codes;
  }

  @Override
  public Classifier classifier() {
    return classifier;
  }
}
