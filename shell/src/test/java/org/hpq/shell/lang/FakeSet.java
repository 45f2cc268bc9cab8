package org.hpq.shell.lang;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.hpq.shell.lang.value.BoolValue;
import org.hpq.shell.lang.value.IntValue;
import org.hpq.shell.lang.value.StringValue;

/** A toy host set of small integers within the universe 0..15; rows are its members. */
record FakeSet(SortedSet<Integer> members) implements ShellValue {
  static final int UNIVERSE = 16;

  static final ShellType<FakeSet> TYPE =
      ShellType.builder("NodeSet", FakeSet.class)
          .summary("a toy set of integers")
          .property("count", "the number of members", set -> IntValue.of(set.members.size()))
          .property("byclodo", "partition by class or owner", set -> set)
          .property("bytype", "partition by type", set -> set)
          .property("byrcs", "partition by referrer kinds", set -> set)
          .property("byvia", "partition by incoming edge label", set -> set)
          .property("brief", "one line", set -> StringValue.of(set.repr()))
          .method(Method.<FakeSet>of("by", "by(relation)", "partition by a relation",
              (set, arguments) -> {
                arguments.expect("by", 1, 1).getString(0);
                return set;
              }).asPure())
          .method(Method.<FakeSet>of("disjoint", "disjoint(other)", "whether no member is shared",
              (set, arguments) -> {
                FakeSet other = arguments.expect("disjoint", 1, 1).get(0, FakeSet.class, "a NodeSet");
                return BoolValue.of(set.members.stream().noneMatch(other.members::contains));
              }))
          .build();

  static FakeSet of(Integer... members) {
    return new FakeSet(new TreeSet<>(List.of(members)));
  }

  @Override
  public ShellType<FakeSet> type() {
    return TYPE;
  }

  @Override
  public Optional<ShellValue> binary(BinaryOperator operator, ShellValue right) {
    if (!(right instanceof FakeSet other)) {
      return Optional.empty();
    }
    TreeSet<Integer> result = new TreeSet<>(members);
    switch (operator) {
      case AND -> result.retainAll(other.members);
      case OR -> result.addAll(other.members);
      case SUBTRACT -> result.removeAll(other.members);
      case XOR -> {
        result.addAll(other.members);
        TreeSet<Integer> both = new TreeSet<>(members);
        both.retainAll(other.members);
        result.removeAll(both);
      }
      default -> {
        return Optional.empty();
      }
    }
    return Optional.of(new FakeSet(result));
  }

  @Override
  public Optional<ShellValue> unary(UnaryOperator operator) {
    if (operator != UnaryOperator.INVERT) {
      return Optional.empty();
    }
    TreeSet<Integer> result = new TreeSet<>();
    for (int member = 0; member < UNIVERSE; member++) {
      if (!members.contains(member)) {
        result.add(member);
      }
    }
    return Optional.of(new FakeSet(result));
  }

  @Override
  public Optional<ShellValue> compare(ComparisonOperator operator, ShellValue right) {
    if (!(right instanceof FakeSet other)) {
      return Optional.empty();
    }
    boolean subset = other.members.containsAll(members);
    boolean superset = members.containsAll(other.members);
    boolean result = switch (operator) {
      case LESS -> subset && !superset;
      case LESS_OR_EQUAL -> subset;
      case EQUAL -> subset && superset;
      case NOT_EQUAL -> !(subset && superset);
      case GREATER_OR_EQUAL -> superset;
      case GREATER -> superset && !subset;
      default -> false;
    };
    return Optional.of(BoolValue.of(result));
  }

  @Override
  public Optional<Boolean> contains(ShellValue element) {
    return element instanceof IntValue value
        ? Optional.of(members.contains((int) value.value()))
        : Optional.empty();
  }

  @Override
  public boolean truth() {
    return !members.isEmpty();
  }

  @Override
  public OptionalLong length() {
    return OptionalLong.of(members.size());
  }

  @Override
  public ShellValue index(ShellValue key) {
    if (!(key instanceof IntValue index)) {
      throw new EvaluationError("row index must be an int");
    }
    List<Integer> rows = List.copyOf(members);
    return FakeSet.of(rows.get((int) Indices.resolve(index.value(), rows.size(), "row")));
  }

  @Override
  public ShellValue slice(SliceBounds bounds) {
    List<Integer> rows = List.copyOf(members);
    long[] resolved = bounds.indices(rows.size());
    TreeSet<Integer> result = new TreeSet<>();
    long count = bounds.count(rows.size());
    for (long step = 0, index = resolved[0]; step < count; step++, index += resolved[2]) {
      result.add(rows.get((int) index));
    }
    return new FakeSet(result);
  }

  @Override
  public String repr() {
    return "<set " + members.stream().map(String::valueOf).collect(Collectors.joining(" ")) + ">";
  }

  @Override
  public String render(RenderOptions options) {
    StringBuilder text = new StringBuilder("Set of " + members.size() + " members.");
    int row = 0;
    for (Integer member : members) {
      if (row == options.maxRows()) {
        text.append("\n<").append(members.size() - row).append(" more rows>");
        break;
      }
      text.append(String.format("%n%6d %s", row++, member));
    }
    return text.toString();
  }
}
