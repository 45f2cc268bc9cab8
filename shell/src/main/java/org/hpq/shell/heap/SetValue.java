package org.hpq.shell.heap;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;
import org.hpq.equivalence.Heap;
import org.hpq.equivalence.ObjectSet;
import org.hpq.equivalence.json.JsonValues;
import org.hpq.setalgebra.NodeSet;
import org.hpq.shell.lang.BinaryOperator;
import org.hpq.shell.lang.ComparisonOperator;
import org.hpq.shell.lang.EvaluationError;
import org.hpq.shell.lang.Indices;
import org.hpq.shell.lang.RenderOptions;
import org.hpq.shell.lang.ShellType;
import org.hpq.shell.lang.ShellValue;
import org.hpq.shell.lang.SliceBounds;
import org.hpq.shell.lang.UnaryOperator;
import org.hpq.shell.lang.value.BoolValue;
import org.hpq.shell.lang.value.IntValue;

/** A set of objects in the shell (heapy's IdentitySet), shown partitioned by its relation. */
public record SetValue(ObjectSet set) implements ShellValue {

  static SetValue of(Heap heap, NodeSet nodes) {
    return new SetValue(ObjectSet.of(heap, nodes));
  }

  SetValue derive(NodeSet nodes) {
    return new SetValue(set.derive(nodes));
  }

  SetValue with(ObjectSet other) {
    return new SetValue(other);
  }

  Heap heap() {
    return set.heap();
  }

  @Override
  public ShellType<SetValue> type() {
    return SetType.TYPE;
  }

  @Override
  public Optional<ShellValue> binary(BinaryOperator operator, ShellValue right) {
    if (right instanceof SetValue other) {
      requireSameHeap(other);
      NodeSet a = set.nodes();
      NodeSet b = other.set.nodes();
      return switch (operator) {
        case AND -> Optional.of(derive(a.and(b)));
        case OR -> Optional.of(derive(a.or(b)));
        case SUBTRACT -> Optional.of(derive(a.andNot(b)));
        case XOR -> Optional.of(derive(a.xor(b)));
        default -> Optional.empty();
      };
    }
    if (right instanceof KindValue kind) {
      return switch (operator) {
        case AND -> Optional.of(new SetValue(set.and(kind.kind())));
        case SUBTRACT -> Optional.of(new SetValue(set.minus(kind.kind())));
        default -> Optional.empty();
      };
    }
    return Optional.empty();
  }

  private void requireSameHeap(SetValue other) {
    if (other.set.heap() != set.heap()) {
      throw new EvaluationError("the two sets come from different dumps; compare them with diff");
    }
  }

  @Override
  public Optional<ShellValue> unary(UnaryOperator operator) {
    return operator == UnaryOperator.INVERT ? Optional.of(new SetValue(set.complement())) : Optional.empty();
  }

  @Override
  public Optional<ShellValue> compare(ComparisonOperator operator, ShellValue right) {
    if (!(right instanceof SetValue other)) {
      return Optional.empty();
    }
    requireSameHeap(other);
    NodeSet a = set.nodes();
    NodeSet b = other.set.nodes();
    boolean result =
        switch (operator) {
          case LESS -> a.isStrictSubsetOf(b);
          case LESS_OR_EQUAL -> a.isSubsetOf(b);
          case EQUAL -> a.equals(b);
          case NOT_EQUAL -> !a.equals(b);
          case GREATER_OR_EQUAL -> b.isSubsetOf(a);
          case GREATER -> b.isStrictSubsetOf(a);
          default -> throw new EvaluationError("unsupported comparison of sets: " + operator);
        };
    return Optional.of(BoolValue.of(result));
  }

  @Override
  public Optional<Boolean> contains(ShellValue element) {
    if (element instanceof IntValue id) {
      int node = heap().dump().indexOf(id.value());
      return Optional.of(node >= 0 && set.nodes().contains(node));
    }
    if (element instanceof SetValue other) {
      return Optional.of(other.set.count() > 0 && other.set.nodes().isSubsetOf(set.nodes()));
    }
    if (element instanceof ObjectValue object) {
      return Optional.of(set.contains(object.node()));
    }
    return Optional.empty();
  }

  @Override
  public boolean truth() {
    return !set.nodes().isEmpty();
  }

  /** {@code len(x)}: the number of rows of the partition. */
  @Override
  public OptionalLong length() {
    return OptionalLong.of(set.rowCount());
  }

  @Override
  public ShellValue index(ShellValue key) {
    if (!(key instanceof IntValue index)) {
      throw new EvaluationError("a set is indexed by row number, e.g. h[0]");
    }
    int row = (int) Indices.resolve(index.value(), set.rowCount(), "row");
    return new SetValue(set.row(row));
  }

  @Override
  public ShellValue slice(SliceBounds bounds) {
    int rows = set.rowCount();
    long[] resolved = bounds.indices(rows);
    long count = bounds.count(rows);
    NodeSet.Builder union = NodeSet.builder();
    for (long step = 0, index = resolved[0]; step < count; step++, index += resolved[2]) {
      union.addAll(set.partition().rows().get((int) index).members());
    }
    return derive(union.build());
  }

  @Override
  public String repr() {
    return render(RenderOptions.DEFAULT);
  }

  @Override
  public String render(RenderOptions options) {
    return Text.strip(set.render(0, options.maxRows(), options.width()));
  }

  @Override
  public void writeJson(JsonGenerator generator) throws IOException {
    JsonValues.write(generator, set, -1);
  }
}
