package org.hpq.shell.heap;

import java.util.ArrayList;
import java.util.List;
import org.hpq.equivalence.Relations;
import org.hpq.shell.lang.EvaluationError;
import org.hpq.shell.lang.Method;
import org.hpq.shell.lang.ShellType;
import org.hpq.shell.lang.ShellValue;
import org.hpq.shell.lang.value.BoolValue;
import org.hpq.shell.lang.value.IntValue;
import org.hpq.shell.lang.value.ListValue;
import org.hpq.shell.lang.value.StringValue;

/** The attributes of sets: one registry for evaluation, help and completion. */
final class SetType {
  private SetType() {}

  static final ShellType<SetValue> TYPE = build();

  private static ShellType<SetValue> build() {
    ShellType.Builder<SetValue> type =
        ShellType.builder("Set", SetValue.class)
            .summary("an immutable set of objects of the dump, shown partitioned by its relation")
            .details(
                "A set prints as a table: one row per class of its relation (clodo by default), largest\n"
                    + "total size first. x[i] is row i as a set, x[i:j] the union of rows, len(x) the number of\n"
                    + "rows. Sets combine with & | ^ - and ~ (complement within the dump), compare with\n"
                    + "< <= == != >= > (subset tests), and filter by kinds: x & hp.Type('java.lang.String').");
    type.property("count", "the number of objects", self -> IntValue.of(self.set().count()));
    type.property("size", "the sum of the objects' shallow sizes, in bytes", self -> IntValue.of(self.set().size()));
    type.property("indisize", "the same as size (heapy's name)", self -> IntValue.of(self.set().size()));
    for (String relation : Relations.NAMES) {
      type.property("by" + relation, byHelp(relation), self -> self.with(self.set().by(self.heap().relations().get(relation))));
    }
    type.method(
        Method.<SetValue>of("by", "by(relation)", "partition by a relation or a product, e.g. by('Type&Size')",
                (self, arguments) -> {
                  String name = arguments.expect("by", 1, 1).getString(0);
                  try {
                    return self.with(self.set().by(self.heap().relations().get(name)));
                  } catch (IllegalArgumentException e) {
                    throw new EvaluationError(e.getMessage());
                  }
                })
            .asPure());
    type.property("er", "the name of the relation the set is shown by", self -> StringValue.of(self.set().relation().name()));
    type.property("parts", "the rows as a list of sets", SetType::parts);
    type.property("more", "the next rows of the table (repeat _.more to go on)", self -> new PageValue(self.set().more()));
    type.property("all", "the table with every row", self -> new PageValue(self.set().all()));
    type.property("referrers", "the objects that refer directly to a member (reachable ones)", self -> self.with(self.set().referrers()));
    type.property("referents", "the objects the members refer to directly", self -> self.with(self.set().referents()));
    type.property("owners", "for arrays, the objects owning them (see clodo)", self -> self.with(self.set().owners()));
    type.property("imdom", "the immediate dominators of the members", self -> self.with(self.set().imdom()));
    type.property("dominos", "what would be freed if every member were freed, members included", self -> self.with(self.set().dominos()));
    type.property("domisize", "the size of dominos in bytes: the retained size of the set as a whole", self -> IntValue.of(self.set().domisize()));
    type.property("theone", "the only object of a one-object set", self -> ObjectValue.of(self.set()));
    type.property("brief", "a one-line summary", self -> StringValue.of(self.set().brief()));
    type.property("kind", "the union of the members' kinds (clodo classes)", self -> new KindValue(self.heap(), self.set().kind()));
    type.property("sp", "the shortest paths from the GC roots to the set, as reference chains",
        self -> new PageValue(self.set().sp().page()));
    type.method(Method.<SetValue>of("shortest_paths", "shortest_paths(weak=True, limit=20)",
        "sp with options: weak=False skips weak, soft and phantom referents (as MAT); limit paths to list",
        (self, arguments) -> {
          arguments.expect("shortest_paths", 0, 0, java.util.Set.of("weak", "limit"));
          boolean weak = arguments.keyword("weak").map(ShellValue::truth).orElse(true);
          long limit = arguments.keyword("limit").map(v -> ((IntValue) v).value()).orElse(20L);
          return new PageValue(self.set().sp(
              weak ? org.hpq.hprof.paths.WeakEdges.FOLLOW : org.hpq.hprof.paths.WeakEdges.SKIP,
              (int) Math.max(0, Math.min(limit, 100_000))).page());
        }));
    type.property("pathsin", "the references into the set, one per row", self -> new PageValue(self.set().pathsIn().page()));
    type.property("pathsout", "the references out of the set, one per row", self -> new PageValue(self.set().pathsOut().page()));
    type.property("rp", "the reference pattern: referrers of referrers, grouped by kind", self -> new PageValue(self.set().rp().page()));
    type.property("stat", "a table of the rows detached from the heap (for diff, also across dumps)",
        self -> new PageValue(self.set().stat().page()));
    type.method(Method.<SetValue>of("diff", "diff(other)",
        "this set's table minus other's (rows matched by label, so it works across two dumps)",
        (self, arguments) -> {
          SetValue other = arguments.expect("diff", 1, 1).get(0, SetValue.class, "a set");
          return new PageValue(self.set().diff(other.set()).page());
        }));
    type.method(Method.<SetValue>of("maprox", "maprox(field)", "the objects the members refer to through that field",
        (self, arguments) -> {
          String field = arguments.expect("maprox", 1, 1).getString(0);
          try {
            return self.with(self.set().maprox(field));
          } catch (IllegalArgumentException e) {
            throw new EvaluationError(e.getMessage());
          }
        }));
    type.method(Method.<SetValue>of("biper", "biper(kind)", "the set in two rows: the members of kind, and the rest",
        (self, arguments) -> {
          KindValue kind = arguments.expect("biper", 1, 1).get(0, KindValue.class, "a kind");
          return self.with(self.set().biper(kind.kind()));
        }));
    type.method(
        Method.<SetValue>of("disjoint", "disjoint(other)", "whether the set shares no object with other",
            (self, arguments) -> {
              SetValue other = arguments.expect("disjoint", 1, 1).get(0, SetValue.class, "a set");
              return BoolValue.of(!self.set().nodes().intersects(other.set().nodes()));
            }));
    return type.build();
  }

  private static String byHelp(String relation) {
    return switch (relation) {
      case "clodo" -> "partition by class, or owner for arrays ('byte[] of java.lang.String')";
      case "type" -> "partition by type (class name; arrays by element type)";
      case "size" -> "partition by shallow size";
      case "rcs" -> "partition by the kinds (clodo) of the referrers";
      case "via" -> "partition by the labels of incoming references (.field, [i], <root: ...>)";
      case "id" -> "one row per object";
      case "unity" -> "one row for everything";
      case "package" -> "partition by the package of the type";
      case "loader" -> "partition by the class loader of the class";
      case "root" -> "partition by GC root kind (objects held directly by roots)";
      case "frame" -> "partition by the thread stack frame holding the object";
      default -> "partition by " + relation;
    };
  }

  private static ShellValue parts(SetValue self) {
    List<ShellValue> rows = new ArrayList<>();
    for (int i = 0; i < self.set().rowCount(); i++) {
      rows.add(new SetValue(self.set().row(i)));
    }
    return ListValue.of(rows);
  }

}
