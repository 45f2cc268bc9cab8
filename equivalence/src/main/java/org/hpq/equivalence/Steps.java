package org.hpq.equivalence;

import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hpq.equivalence.internal.EdgeLabels;
import org.hpq.equivalence.internal.Representations;
import org.hpq.hprof.HeapDump;
import org.hpq.hprof.graph.Csr;
import org.hpq.setalgebra.NodeSet;

/**
 * heapy's {@code pathsin} / {@code pathsout}: the single references into or out of a set, each
 * with its label. Edges are kept as positions in the labelled inbound lists. Immutable.
 *
 * <pre>
 * 2 references into a set of 1 object.
 *  0: 0x70000010 &lt;com.example.Holder&gt;.cache -&gt; 0x70000040 &lt;com.example.Cache&gt;
 *  1: 0x70000020 &lt;java.lang.Object[]&gt;[3] -&gt; 0x70000040 &lt;com.example.Cache&gt;
 * </pre>
 */
public final class Steps implements Pageable {
  /**
   * One reference.
   *
   * @param source the referring object
   * @param target the object referred to
   * @param label {@code .field}, {@code [i]}, {@code Owner.field}, {@code <class>}...
   */
  public record Step(int source, int target, String label) {}

  private final Heap heap;
  private final boolean into;
  private final long setCount;
  private final long[] positions;
  private final int[] targets;

  private Steps(Heap heap, boolean into, long setCount, long[] positions, int[] targets) {
    this.heap = heap;
    this.into = into;
    this.setCount = setCount;
    this.positions = positions;
    this.targets = targets;
  }

  /** The references from reachable objects into members of {@code set}, by member then source. */
  public static Steps into(ObjectSet set) {
    Heap heap = set.heap();
    Csr inbound = heap.dump().inbound();
    NodeSet reachable = heap.reachable();
    LongArrayList positions = new LongArrayList();
    it.unimi.dsi.fastutil.ints.IntArrayList targets = new it.unimi.dsi.fastutil.ints.IntArrayList();
    set.nodes().forEach(
        target -> {
          if ((targets.size() & 0xFFFF) == 0) {
            heap.checkCancelled();
          }
          for (long p = inbound.start(target), end = inbound.end(target); p < end; p++) {
            if (reachable.contains(inbound.neighbour(p))) {
              positions.add(p);
              targets.add(target);
            }
          }
        });
    return new Steps(heap, true, set.count(), positions.toLongArray(), targets.toIntArray());
  }

  /** The references out of members of {@code set}, by member then field order. */
  public static Steps outOf(ObjectSet set) {
    Heap heap = set.heap();
    HeapDump dump = heap.dump();
    Csr outbound = dump.outbound();
    LongArrayList positions = new LongArrayList();
    it.unimi.dsi.fastutil.ints.IntArrayList targets = new it.unimi.dsi.fastutil.ints.IntArrayList();
    set.nodes().forEach(
        source -> {
          if ((targets.size() & 0xFFFF) == 0) {
            heap.checkCancelled();
          }
          for (long p = outbound.start(source), end = outbound.end(source); p < end; p++) {
            long inboundPosition = EdgeLabels.inboundPosition(dump, source, p);
            if (inboundPosition >= 0) {
              positions.add(inboundPosition);
              targets.add(outbound.neighbour(source, p));
            }
          }
        });
    return new Steps(heap, false, set.count(), positions.toLongArray(), targets.toIntArray());
  }

  /** Number of references. */
  public int count() {
    return positions.length;
  }

  /** Reference {@code index}. */
  public Step step(int index) {
    HeapDump dump = heap.dump();
    long position = positions[index];
    return new Step(dump.inbound().neighbour(position), targets[index], dump.labelText(dump.inboundLabel(position)));
  }

  /** The id of object {@code node} as {@code 0x...}. */
  public String address(int node) {
    return Representations.address(heap.dump(), node);
  }

  /** Every reference (built on call). */
  public List<Step> steps() {
    List<Step> steps = new ArrayList<>(positions.length);
    for (int index = 0; index < positions.length; index++) {
      steps.add(step(index));
    }
    return steps;
  }

  /** The referring objects. */
  public ObjectSet sources() {
    NodeSet.Builder builder = NodeSet.builder();
    for (long position : positions) {
      builder.add(heap.dump().inbound().neighbour(position));
    }
    return ObjectSet.of(heap, builder.build());
  }

  /** The objects referred to. */
  public ObjectSet targets() {
    NodeSet.Builder builder = NodeSet.builder();
    for (int target : targets) {
      builder.add(target);
    }
    return ObjectSet.of(heap, builder.build());
  }

  /**
   * The references grouped by label: count of references and total shallow size of their
   * targets (a target reached by several references counts once per reference), largest first.
   */
  public Stat byLabel() {
    HeapDump dump = heap.dump();
    Map<Integer, long[]> byCode = new LinkedHashMap<>();
    long size = 0;
    for (int index = 0; index < positions.length; index++) {
      long[] totals = byCode.computeIfAbsent(dump.inboundLabel(positions[index]), code -> new long[2]);
      long shallow = dump.shallowSize(targets[index]);
      totals[0]++;
      totals[1] += shallow;
      size += shallow;
    }
    List<StatRow> rows = new ArrayList<>();
    for (Map.Entry<Integer, long[]> entry : byCode.entrySet()) {
      rows.add(new StatRow(dump.labelText(entry.getKey()), entry.getValue()[0], entry.getValue()[1]));
    }
    rows.sort(
        java.util.Comparator.comparingLong((StatRow row) -> -row.size()).thenComparing(StatRow::label));
    return new Stat("via", "Referred Via:", positions.length, size, rows);
  }

  @Override
  public int rowCount() {
    return count();
  }

  @Override
  public String rowNoun() {
    return "references";
  }

  @Override
  public String render(int start, int maxRows, int width) {
    HeapDump dump = heap.dump();
    StringBuilder out = new StringBuilder();
    out.append(positions.length).append(positions.length == 1 ? " reference " : " references ")
        .append(into ? "into" : "out of").append(" a set of ").append(setCount)
        .append(setCount == 1 ? " object.\n" : " objects.\n");
    int end = maxRows < 0 ? positions.length : (int) Math.min(positions.length, (long) start + maxRows);
    for (int index = start; index < end; index++) {
      Step step = step(index);
      StringBuilder chain =
          new StringBuilder(Representations.address(dump, step.source()))
              .append(" <").append(dump.typeName(step.source())).append('>');
      EdgeLabels.append(chain, step.label());
      out.append(String.format("%2d: ", index)).append(chain).append(" -> ")
          .append(Representations.address(dump, step.target()))
          .append(" <").append(dump.typeName(step.target())).append(">\n");
    }
    if (end < positions.length) {
      out.append('<').append(positions.length - end).append(" more references. Type e.g. '_.more' to view.>\n");
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return render(0, PAGE, Page.DEFAULT_WIDTH);
  }
}
