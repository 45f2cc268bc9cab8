package org.hpq.shell.heap;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hpq.equivalence.Heap;
import org.hpq.equivalence.ObjectSet;
import org.hpq.equivalence.ObjectView;
import org.hpq.equivalence.json.JsonValues;
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
 * field (a reference gives a set of one object, empty for null; a primitive its value).
 */
public record ObjectValue(Heap heap, int node) implements ShellValue {
  static final ShellType<ObjectValue> TYPE =
      ShellType.builder("Object", ObjectValue.class)
          .summary("one object of the dump; its fields are attributes (o.name)")
          .property("set", "the object as a set of one", self -> new SetValue(self.view().set()))
          .property("id", "the object's id (its address in the dump)", self -> IntValue.of(self.view().id()))
          .property("type", "the class name", self -> StringValue.of(self.view().typeName()))
          .property("size", "shallow size in bytes", self -> IntValue.of(self.view().shallowSize()))
          .property("retained", "retained size in bytes (what freeing it would free)",
              self -> IntValue.of(self.view().retainedSize()))
          .property("text", "a String's text (None for other objects)", self -> {
            String text = self.view().stringValue();
            return text == null ? NoneValue.NONE : StringValue.of(text);
          })
          .property("length", "an array's length (None for other objects)", self -> {
            long length = self.view().arrayLength();
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

  ObjectView view() {
    return ObjectView.of(heap, node);
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
    for (ObjectView.FieldView field : view().fields()) {
      if (field.name().equals(name)) {
        return Optional.of(value(view().field(name)));
      }
    }
    return Optional.empty();
  }

  private static ShellValue value(Object value) {
    if (value instanceof ObjectSet set) {
      return new SetValue(set);
    }
    if (value instanceof Boolean flag) {
      return BoolValue.of(flag);
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return IntValue.of(((Number) value).longValue());
    }
    return value == null ? NoneValue.NONE : StringValue.of(String.valueOf(value));
  }

  @Override
  public List<String> attributeNames() {
    List<String> names = new ArrayList<>(TYPE.attributeNames());
    for (ObjectView.FieldView field : view().fields()) {
      if (!names.contains(field.name())) {
        names.add(field.name());
      }
    }
    names.sort(null);
    return names;
  }

  @Override
  public String repr() {
    ObjectView view = view();
    return "<" + view.typeName() + " at " + view.address() + ">";
  }

  @Override
  public String render(RenderOptions options) {
    return Text.strip(view().render());
  }

  @Override
  public void writeJson(JsonGenerator generator) throws IOException {
    JsonValues.write(generator, view(), -1);
  }
}
