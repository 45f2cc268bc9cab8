package org.hpq.setalgebra;

import java.util.List;

/**
 * A toy relation with one label per node, like Type or Size: classes are labels, pairwise
 * disjoint, without orderings. Renders as {@code hp.NAME('label')} or {@code hp.NAME(24)}.
 */
final class LabelClassifier implements Classifier {

  /** A class: one label. */
  record Label(String text) implements AtomSpec {}

  private final String name;
  private final List<String> labels;
  private final boolean quoted;

  /** Node i has label {@code labels.get(i)}. */
  LabelClassifier(String name, List<String> labels, boolean quoted) {
    this.name = name;
    this.labels = labels;
    this.quoted = quoted;
  }

  Atom atom(String label) {
    return Kind.atom(this, new Label(label));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public NodeSet select(NodeSet within, AtomSpec spec) {
    NodeSet.Builder builder = NodeSet.builder();
    within.forEach(node -> {
      if (node < labels.size() && labels.get(node).equals(((Label) spec).text())) {
        builder.add(node);
      }
    });
    return builder.build();
  }

  @Override
  public boolean disjoint(AtomSpec first, AtomSpec second) {
    return !first.equals(second);
  }

  @Override
  public boolean includes(AtomSpec container, AtomSpec contained) {
    return container.equals(contained);
  }

  @Override
  public String render(AtomSpec spec) {
    String text = ((Label) spec).text();
    return "hp." + name + "(" + (quoted ? "'" + text + "'" : text) + ")";
  }
}
