package org.hpq.shell.heap;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hpq.equivalence.Heap;
import org.hpq.equivalence.ObjectSet;
import org.hpq.hprof.BasicType;
import org.hpq.hprof.FieldValue;
import org.hpq.hprof.HeapDump;
import org.hpq.hprof.ObjectKind;
import org.hpq.setalgebra.NodeSet;
import org.hpq.shell.lang.EvaluationError;
import org.hpq.shell.lang.RenderOptions;
import org.hpq.shell.lang.ShellType;
import org.hpq.shell.lang.ShellValue;
import org.hpq.shell.lang.value.BoolValue;
import org.hpq.shell.lang.value.IntValue;
import org.hpq.shell.lang.value.NoneValue;
import org.hpq.shell.lang.value.StringValue;

/**
 * One object ({@code x.theone}): shows its class, id, sizes and fields; {@code o.name} reads a
 * field (a reference gives a set of one object, a primitive its value).
 */
public record ObjectValue(Heap heap, int node) implements ShellValue {
  static final ShellType<ObjectValue> TYPE =
      ShellType.builder("Object", ObjectValue.class)
          .summary("one object of the dump; its fields are attributes")
          .property("set", "the object as a set of one", self -> SetValue.of(self.heap, NodeSet.of(self.node)))
          .property("id", "the object's id (its address in the dump)", self -> IntValue.of(self.heap.dump().id(self.node)))
          .property("type", "the class name", self -> StringValue.of(self.heap.dump().typeName(self.node)))
          .property("size", "shallow size in bytes", self -> IntValue.of(self.heap.dump().shallowSize(self.node)))
          .property("retained", "retained size in bytes (what freeing it frees)",
              self -> IntValue.of(self.heap.dominance().retainedSize(self.node)))
          .property("text", "a String's text (None for other objects)", self -> {
            String text = self.heap.dump().stringValue(self.node);
            return text == null ? NoneValue.NONE : StringValue.of(text);
          })
          .property("length", "an array's length (None for other objects)", self -> {
            long length = self.heap.dump().arrayLength(self.node);
            return length < 0 ? NoneValue.NONE : IntValue.of(length);
          })
          .build();

  static ObjectValue of(ObjectSet set) {
    try {
      return new ObjectValue(set.heap(), set.theOne());
    } catch (IllegalStateException e) {
      throw new EvaluationError(e.getMessage());
    }
  }

  @Override
  public ShellType<ObjectValue> type() {
    return TYPE;
  }

  @Override
  public Optional<ShellValue> attribute(String name) {
    Optional<ShellValue> known = TYPE.getAttribute(this, name);
    if (known.isPresent()) {
      return known;
    }
    for (FieldValue field : heap.dump().fields(node)) {
      if (field.field().name().equals(name)) {
        return Optional.of(value(field));
      }
    }
    return Optional.empty();
  }

  @Override
  public List<String> attributeNames() {
    List<String> names = new ArrayList<>(TYPE.attributeNames());
    for (FieldValue field : heap.dump().fields(node)) {
      if (!names.contains(field.field().name())) {
        names.add(field.field().name());
      }
    }
    names.sort(null);
    return names;
  }

  private ShellValue value(FieldValue field) {
    if (field.isReference()) {
      return field.target() < 0 ? NoneValue.NONE : SetValue.of(heap, NodeSet.of(field.target()));
    }
    return switch (field.field().type()) {
      case BOOLEAN -> BoolValue.of(field.bits() != 0);
      case FLOAT, DOUBLE, CHAR -> StringValue.of(String.valueOf(field.value()));
      default -> IntValue.of(field.bits());
    };
  }

  @Override
  public String repr() {
    HeapDump dump = heap.dump();
    return String.format("<%s at 0x%x>", dump.typeName(node), dump.id(node));
  }

  @Override
  public String render(RenderOptions options) {
    HeapDump dump = heap.dump();
    StringBuilder text = new StringBuilder();
    text.append(String.format("%s at 0x%x: %d bytes, retains %d bytes%n", dump.typeName(node), dump.id(node),
        dump.shallowSize(node), heap.dominance().retainedSize(node)));
    String string = dump.stringValue(node);
    if (string != null) {
      text.append("  text: ").append(StringValue.quote(elide(string, 200))).append('\n');
    }
    if (dump.kind(node) == ObjectKind.OBJECT_ARRAY || dump.kind(node) == ObjectKind.PRIMITIVE_ARRAY) {
      long length = dump.arrayLength(node);
      text.append("  length: ").append(length).append('\n');
      long[] elements = dump.arrayElements(node, 0, 10);
      BasicType type = dump.elementType(node);
      for (int i = 0; i < elements.length; i++) {
        String value = type == null
            ? (elements[i] < 0 ? "null" : String.format("0x%x <%s>", dump.id((int) elements[i]), dump.typeName((int) elements[i])))
            : String.valueOf(elements[i]);
        text.append(String.format("  [%d] %s%n", i, value));
      }
      if (length > elements.length) {
        text.append("  ...\n");
      }
    }
    for (FieldValue field : dump.fields(node)) {
      String value = field.isReference() && field.target() >= 0
          ? String.format("0x%x <%s>", field.bits(), dump.typeName(field.target()))
          : field.text();
      text.append(String.format("  %-20s %s%n", field.field().name(), value));
    }
    return SetValue.stripNewline(text.toString());
  }

  static String elide(String text, int limit) {
    if (text.length() <= limit) {
      return text;
    }
    int half = (limit - 3) / 2;
    return text.substring(0, half) + "..." + text.substring(text.length() - half);
  }
}
