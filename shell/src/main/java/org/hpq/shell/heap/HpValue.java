package org.hpq.shell.heap;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.hpq.equivalence.Heap;
import org.hpq.hprof.GcRoot;
import org.hpq.hprof.JavaClass;
import org.hpq.setalgebra.Kind;
import org.hpq.setalgebra.NodeSet;
import org.hpq.shell.lang.Arguments;
import org.hpq.shell.lang.EvaluationError;
import org.hpq.shell.lang.Method;
import org.hpq.shell.lang.ShellType;
import org.hpq.shell.lang.ShellValue;
import org.hpq.shell.lang.StringArgumentCompleter;
import org.hpq.shell.lang.value.IntValue;
import org.hpq.shell.lang.value.NoneValue;
import org.hpq.shell.lang.value.StringValue;

/** {@code hp}: the entry object of an open dump, as heapy's {@code hpy()}. */
public final class HpValue implements ShellValue {
  private final Heap heap;
  private final Session session;
  private final ShellType<HpValue> type;

  public HpValue(Heap heap, Session session) {
    this.heap = heap;
    this.session = session;
    // Built per dump so that string arguments complete from this dump's class names.
    this.type = build((slot, prefix) -> classNames(prefix));
  }

  public Heap heap() {
    return heap;
  }

  private static ShellType<HpValue> build(StringArgumentCompleter classNames) {
    ShellType.Builder<HpValue> type =
        ShellType.builder("hp", HpValue.class)
            .summary("the open heap dump: heap(), kinds (Type, Clodo, Size, Rcs, Via, Id), baselines")
            .details(
                "Start with h = hp.heap(): every reachable object, as a table by class or owner.\n"
                    + "Then h.byrcs, h.byvia, h[0].referrers, h[0].domisize ... help(h) lists what a set can do.");
    type.method(Method.<HpValue>of("heap", "heap()", "the reachable objects, minus the setrelheap baseline",
        (self, arguments) -> {
          arguments.expect("heap", 0, 0);
          return SetValue.of(self.heap, self.heap.heap());
        }).asPure());
    type.method(Method.<HpValue>of("heapu", "heapu()", "the objects of the dump that are not reachable (garbage kept in the dump)",
        (self, arguments) -> {
          arguments.expect("heapu", 0, 0);
          return SetValue.of(self.heap, self.heap.unreachable());
        }).asPure());
    type.method(Method.<HpValue>of("setrelheap", "setrelheap(x=None)",
        "make hp.heap() (or the set x) the baseline that later hp.heap() leaves out; hp.setrelheap(hp.Nothing) clears it",
        (self, arguments) -> {
          arguments.expect("setrelheap", 0, 1);
          NodeSet baseline = arguments.size() == 0
              ? self.heap.heap().or(self.heap.baseline())
              : arguments.get(0, SetValue.class, "a set").set().nodes();
          self.heap.setRelativeBaseline(baseline);
          return NoneValue.NONE;
        }));
    type.property("Nothing", "the empty set", self -> SetValue.of(self.heap, NodeSet.empty()));
    type.property("Anything", "the kind of every object", self -> new KindValue(self.heap, Kind.anything()));
    type.property("Root", "the synthetic root: hp.Root.referents are the objects held by GC roots",
        self -> new RootValue(self.heap));
    type.method(Method.<HpValue>of("iso", "iso(id, ...)", "the set of the objects with these ids (0x7f... or decimal)",
        HpValue::idSet));
    type.method(Method.<HpValue>of("idset", "idset(id, ...)", "the same as iso", HpValue::idSet));
    type.method(Method.<HpValue>of("load", "load(path)", "open another dump in this session; returns its hp",
        (self, arguments) -> {
          String path = arguments.expect("load", 1, 1).getString(0);
          try {
            return new HpValue(self.session.open(Path.of(path)), self.session);
          } catch (Exception e) {
            throw new EvaluationError("cannot open " + path + ": " + e.getMessage());
          }
        }));
    type.method(Method.<HpValue>of("Type", "Type(name)", "the kind of the objects of class name (alt('<') for subclasses)",
        (self, arguments) -> new KindValue(self.heap, self.heap.kinds().type(arguments.expect("Type", 1, 1).getString(0))))
        .asPure().withCompleter(classNames));
    type.method(Method.<HpValue>of("Clodo", "Clodo(name, owner=None)",
        "the kind of class name; for arrays of owner: hp.Clodo('byte[]', owner='java.lang.String')",
        (self, arguments) -> {
          arguments.expect("Clodo", 1, 1, java.util.Set.of("owner"));
          String owner = arguments.keywordString("owner").orElse(null);
          return new KindValue(self.heap, owner == null
              ? self.heap.kinds().clodo(arguments.getString(0))
              : self.heap.kinds().clodo(arguments.getString(0), owner));
        }).asPure().withCompleter(classNames));
    type.method(Method.<HpValue>of("Size", "Size(bytes)", "the kind of the objects of this shallow size (alt('<=') for smaller)",
        (self, arguments) -> {
          long bytes = arguments.expect("Size", 1, 1).getLong(0);
          if (bytes < 0) {
            throw new EvaluationError("Size takes a shallow size in bytes, not " + bytes);
          }
          return new KindValue(self.heap, self.heap.kinds().size(bytes));
        }).asPure());
    type.method(Method.<HpValue>of("Rcs", "Rcs(label, ...)", "the kind of the objects whose referrers' kinds are exactly these",
        (self, arguments) -> self.labelKind("Rcs", arguments)).asPure());
    type.method(Method.<HpValue>of("Via", "Via(label, ...)", "the kind of the objects referred to exactly through these labels ('.key', '[0]')",
        (self, arguments) -> self.labelKind("Via", arguments)).asPure());
    type.method(Method.<HpValue>of("Id", "Id(id)", "the kind of one object",
        (self, arguments) -> new KindValue(self.heap, self.heap.kinds().id(arguments.expect("Id", 1, 1).getLong(0)))).asPure());
    type.property("layout", "the object layout used for shallow sizes", self -> StringValue.of(self.heap.dump().sizeModel().toString()));
    type.property("doc", "an overview of hpq", self -> new org.hpq.shell.lang.value.HelpText(Overview.TEXT));
    type.property("warnings", "what was repaired or lost while reading the dump",
        self -> org.hpq.shell.lang.value.ListValue.of(self.heap.dump().warnings().stream().map(StringValue::of).toList()));
    return type.build();
  }

  @Override
  public ShellType<HpValue> type() {
    return type;
  }

  private KindValue labelKind(String kindName, Arguments arguments) {
    arguments.expect(kindName, 0, Integer.MAX_VALUE);
    String[] labels = new String[arguments.size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = arguments.getString(i);
    }
    try {
      return new KindValue(heap, kindName.equals("Rcs") ? heap.kinds().rcs(labels) : heap.kinds().via(labels));
    } catch (IllegalArgumentException e) {
      throw new EvaluationError(e.getMessage());
    }
  }

  private static ShellValue idSet(HpValue self, Arguments arguments) {
    arguments.expect("iso", 0, Integer.MAX_VALUE);
    NodeSet.Builder nodes = NodeSet.builder();
    for (int i = 0; i < arguments.size(); i++) {
      long id = arguments.getLong(i);
      int node = self.heap.dump().indexOf(id);
      if (node < 0) {
        throw new EvaluationError(String.format("no object with id 0x%x in the dump", id));
      }
      nodes.add(node);
    }
    return SetValue.of(self.heap, nodes.build());
  }

  /** Class names starting with {@code prefix}, for completing {@code hp.Type('java.util.Ha}. */
  List<String> classNames(String prefix) {
    TreeSet<String> names = new TreeSet<>();
    for (JavaClass javaClass : heap.dump().classes()) {
      if (javaClass.name().startsWith(prefix)) {
        names.add(javaClass.name());
      }
    }
    return new ArrayList<>(names);
  }

  @Override
  public String repr() {
    return String.format("<hp: %s, %,d objects>", heap.dump().path().getFileName(), heap.dump().objectCount());
  }

  /** The synthetic root. */
  public record RootValue(Heap heap) implements ShellValue {
    static final ShellType<RootValue> TYPE =
        ShellType.builder("Root", RootValue.class)
            .summary("the synthetic root: its references are the GC roots")
            .property("referents", "the objects held directly by GC roots", self -> SetValue.of(self.heap, self.heap.roots()))
            .property("count", "the number of GC root entries", self -> IntValue.of(self.heap.dump().roots().size()))
            .build();

    @Override
    public ShellType<RootValue> type() {
      return TYPE;
    }

    @Override
    public String repr() {
      long kinds = heap.dump().roots().stream().map(GcRoot::kind).distinct().count();
      return String.format("<Root: %d GC roots of %d kinds>", heap.dump().roots().size(), kinds);
    }
  }
}
