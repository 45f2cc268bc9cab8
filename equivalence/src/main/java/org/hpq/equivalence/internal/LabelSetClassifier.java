package org.hpq.equivalence.internal;

import java.util.Arrays;
import java.util.List;
import org.hpq.setalgebra.AtomSpec;
import org.hpq.setalgebra.Classifier;
import org.hpq.setalgebra.NodeSet;
import org.hpq.setalgebra.Relaxation;

/**
 * Kinds of Rcs and Via: {@code hp.Via('.key', '.value')} is the objects whose set of incoming
 * labels equals the given set; {@code .alt('<')} a strict subset of it ("referred by at most"),
 * {@code '>='} a superset ("referred by at least").
 */
public final class LabelSetClassifier implements Classifier {
  /** The labels as given, their sorted codes, and the ordering. */
  public record LabelSetSpec(List<String> labels, long[] codes, Relaxation relaxation) implements AtomSpec {
    @Override
    public boolean equals(Object other) {
      return other instanceof LabelSetSpec spec
          && Arrays.equals(codes, spec.codes)
          && relaxation == spec.relaxation;
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(codes) * 31 + relaxation.hashCode();
    }
  }

  private final ReferrerLabelRelation relation;
  private final String kindName;

  LabelSetClassifier(ReferrerLabelRelation relation, String kindName) {
    this.relation = relation;
    this.kindName = kindName;
  }

  /** The spec for labels as the user wrote them. */
  public LabelSetSpec spec(List<String> labels) {
    long[] codes = new long[labels.size()];
    for (int i = 0; i < codes.length; i++) {
      codes[i] = relation.parse(labels.get(i));
    }
    return new LabelSetSpec(List.copyOf(labels), LabelSets.normalize(codes, codes.length), Relaxation.EQUAL);
  }

  @Override
  public String name() {
    return kindName;
  }

  @Override
  public NodeSet select(NodeSet within, AtomSpec spec) {
    LabelSetSpec labels = (LabelSetSpec) spec;
    // Decide each distinct label set once: objects share few sets.
    it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap decided = new it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap();
    decided.defaultReturnValue(-1);
    NodeSet.Builder result = NodeSet.builder();
    Cancellation cancellation = new Cancellation(relation.heap);
    within.forEach(
        node -> {
          cancellation.tick();
          long key = relation.key(node);
          int known = decided.get(key);
          boolean match = known >= 0 ? known == 1 : matches(relation.codesOfKey(key), labels);
          if (known < 0) {
            decided.put(key, match ? 1 : 0);
          }
          if (match) {
            result.add(node);
          }
        });
    return result.build();
  }

  @Override
  public boolean contains(int node, AtomSpec spec) {
    return matches(relation.codesOfKey(relation.key(node)), (LabelSetSpec) spec);
  }

  static boolean matches(long[] codes, LabelSetSpec spec) {
    long[] wanted = spec.codes();
    return switch (spec.relaxation()) {
      case EQUAL -> Arrays.equals(codes, wanted);
      case LESS_OR_EQUAL -> LabelSets.isSubset(codes, wanted);
      case LESS -> codes.length < wanted.length && LabelSets.isSubset(codes, wanted);
      case GREATER_OR_EQUAL -> LabelSets.isSubset(wanted, codes);
      case GREATER -> codes.length > wanted.length && LabelSets.isSubset(wanted, codes);
    };
  }

  @Override
  public boolean disjoint(AtomSpec first, AtomSpec second) {
    LabelSetSpec a = (LabelSetSpec) first;
    LabelSetSpec b = (LabelSetSpec) second;
    if (a.relaxation() == Relaxation.EQUAL) {
      return !matches(a.codes(), b);
    }
    if (b.relaxation() == Relaxation.EQUAL) {
      return !matches(b.codes(), a);
    }
    return false;
  }

  @Override
  public boolean includes(AtomSpec container, AtomSpec contained) {
    LabelSetSpec outer = (LabelSetSpec) container;
    LabelSetSpec inner = (LabelSetSpec) contained;
    return outer.equals(inner) || (inner.relaxation() == Relaxation.EQUAL && matches(inner.codes(), outer));
  }

  @Override
  public AtomSpec alt(AtomSpec spec, Relaxation relaxation) {
    LabelSetSpec labels = (LabelSetSpec) spec;
    return new LabelSetSpec(labels.labels(), labels.codes(), relaxation);
  }

  @Override
  public String render(AtomSpec spec) {
    LabelSetSpec labels = (LabelSetSpec) spec;
    StringBuilder text = new StringBuilder("hp.").append(kindName).append('(');
    for (int i = 0; i < labels.labels().size(); i++) {
      text.append(i == 0 ? "" : ", ").append(Quoting.quote(labels.labels().get(i)));
    }
    return text.append(')').append(Quoting.alt(labels.relaxation())).toString();
  }
}
