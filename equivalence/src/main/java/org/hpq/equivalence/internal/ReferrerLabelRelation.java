package org.hpq.equivalence.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hpq.equivalence.Heap;
import org.hpq.equivalence.Relation;
import org.hpq.hprof.GcRoot;
import org.hpq.hprof.HeapDump;
import org.hpq.hprof.graph.Csr;
import org.hpq.setalgebra.Classifier;

/**
 * A relation whose class is the set of codes of an object's incoming edges: Rcs (the clodo keys
 * of the referrers) and Via (the edge labels). Roots add a code per root kind. Read from the
 * stored inbound edges and labels, never by scanning referrers' fields.
 */
public abstract class ReferrerLabelRelation implements Relation {
  /** Root-kind codes sit above every other code so they sort last. */
  static final long ROOT_CODE_BASE = Long.MAX_VALUE - 1024;

  final Heap heap;
  private final LabelSetTable sets = new LabelSetTable();
  private final ThreadLocal<long[]> scratch = ThreadLocal.withInitial(() -> new long[16]);
  private final LabelSetClassifier classifier;
  private final it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap<long[]> rootCodes;

  ReferrerLabelRelation(Heap heap, String kindName) {
    this.heap = heap;
    this.classifier = new LabelSetClassifier(this, kindName);
    this.rootCodes = rootCodesByObject(heap.dump());
  }

  /** The code of the edge at inbound position {@code position} into {@code node}. */
  abstract long edgeCode(int node, long position);

  /** The text of a non-root code. */
  abstract String codeText(long code);

  /** The code of a label text, or throws {@link IllegalArgumentException} if it cannot occur. */
  abstract long codeOf(String text);

  /** The id of the node's label set, read into a reused buffer: no allocation per object. */
  @Override
  public long key(int node) {
    HeapDump dump = heap.dump();
    Csr inbound = dump.inbound();
    long start = inbound.start(node);
    long end = inbound.end(node);
    long[] roots = rootCodes.get(node);
    int extra = roots == null ? 0 : roots.length;
    int needed = (int) Math.min(end - start, 1 << 20) + extra;
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
    Arrays.sort(codes, 0, count);
    int kept = 0;
    for (int i = 0; i < count; i++) {
      if (kept == 0 || codes[kept - 1] != codes[i]) {
        codes[kept++] = codes[i];
      }
    }
    if (kept == 1 && codes[0] >= 0 && codes[0] < SINGLE) {
      // One label (an array slot, one referrer kind): the key is the code itself, tagged, so
      // millions of distinct slots do not fill the table of label sets.
      return codes[0] | SINGLE;
    }
    return sets.id(codes, kept);
  }

  /** Tags a key that is a single code rather than an id of the table of sets. */
  private static final long SINGLE = 1L << 62;

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
      return "<root: " + org.hpq.hprof.RootKind.values()[(int) (code - ROOT_CODE_BASE)].label() + ">";
    }
    return codeText(code);
  }

  /** The code of a label as a user writes it: {@code '.key'}, {@code '<root: JNI global>'}. */
  long parse(String text) {
    for (org.hpq.hprof.RootKind kind : org.hpq.hprof.RootKind.values()) {
      if (text.equals("<root: " + kind.label() + ">")) {
        return ROOT_CODE_BASE + kind.ordinal();
      }
    }
    return codeOf(text);
  }

  private static it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap<long[]> rootCodesByObject(HeapDump dump) {
    var codes = new it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap<long[]>();
    for (GcRoot root : dump.roots()) {
      long code = ROOT_CODE_BASE + root.kind().ordinal();
      long[] old = codes.get(root.object());
      if (old == null) {
        codes.put(root.object(), new long[] {code});
      } else if (java.util.Arrays.stream(old).noneMatch(c -> c == code)) {
        long[] grown = java.util.Arrays.copyOf(old, old.length + 1);
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
