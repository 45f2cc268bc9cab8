package org.hpq.equivalence.internal;

import java.util.ArrayList;
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
  private final Interner<LabelSets.Key> sets = new Interner<>();
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

  @Override
  public long key(int node) {
    return sets.id(new LabelSets.Key(codes(node)));
  }

  /** The sorted codes of {@code node}'s incoming edges and root kinds. */
  long[] codes(int node) {
    HeapDump dump = heap.dump();
    Csr inbound = dump.inbound();
    long start = inbound.start(node);
    long end = inbound.end(node);
    long[] roots = rootCodes.get(node);
    int extra = roots == null ? 0 : roots.length;
    long[] codes = new long[(int) Math.min(end - start, 1 << 20) + extra];
    int count = 0;
    for (long p = start; p < end && count < codes.length - extra; p++) {
      codes[count++] = edgeCode(node, p);
    }
    for (int r = 0; r < extra; r++) {
      codes[count++] = roots[r];
    }
    return LabelSets.normalize(codes, count);
  }

  /** The codes of a class key. */
  long[] codesOfKey(long key) {
    return sets.value((int) key).codes();
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

  /** Labels in display order: by text, so equal sets always read the same. */
  List<String> displayOrder(List<String> texts) {
    texts.sort(null);
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
