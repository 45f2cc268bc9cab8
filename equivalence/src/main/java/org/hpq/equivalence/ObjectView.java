package org.hpq.equivalence;

import java.util.ArrayList;
import java.util.List;
import org.hpq.equivalence.internal.Representations;
import org.hpq.hprof.BasicType;
import org.hpq.hprof.FieldInfo;
import org.hpq.hprof.FieldValue;
import org.hpq.hprof.HeapDump;
import org.hpq.hprof.JavaClass;
import org.hpq.hprof.ObjectKind;
import org.hpq.hprof.StaticField;
import org.hpq.setalgebra.NodeSet;

/**
 * One object ({@code x.theone}): its class, id, shallow and retained size, fields with values,
 * String text, array length and first elements; {@link #field} reads a field as heapy's {@code
 * o.name} does. For a class object the fields are its static fields. Immutable; reads the dump
 * lazily (the retained size computes the dominator tree on first use).
 *
 * <pre>
 * com.example.Item at 0x70000010
 *   shallow size 32 bytes, retained size 96 bytes
 *   .next = 0x70000030 &lt;com.example.Item&gt;
 *   .name = 0x70000040 &lt;java.lang.String&gt; 'alpha'
 *   .count = 7
 * </pre>
 */
public final class ObjectView {
  /** Elements of an array shown by {@link #render}. */
  public static final int SHOWN_ELEMENTS = 10;

  /**
   * One field and its value.
   *
   * @param name the field's name
   * @param type the field's type ({@code int}, {@code Object} ...)
   * @param text the value as shown: a primitive as Java writes it, a reference as {@code 0x...
   *     <type>} (a String's text after it), {@code null}
   * @param target for references, the object index referred to; -1 for null, dangling and
   *     primitives
   * @param value the primitive value boxed (Integer, Long, Boolean...), or the id for references
   */
  public record FieldView(String name, String type, String text, int target, Object value) {

    /** Whether the field holds a reference. */
    public boolean isReference() {
      return type.equals("Object");
    }
  }

  private final Heap heap;
  private final int node;

  private ObjectView(Heap heap, int node) {
    this.heap = heap;
    this.node = node;
  }

  /** The view of object {@code node} of {@code heap}. */
  public static ObjectView of(Heap heap, int node) {
    if (node < 0 || node >= heap.dump().objectCount()) {
      throw new IllegalArgumentException("no object with index " + node);
    }
    return new ObjectView(heap, node);
  }

  /** The object index. */
  public int node() {
    return node;
  }

  /** The object's id in the dump. */
  public long id() {
    return heap.dump().id(node);
  }

  /** The id as {@code 0x...}. */
  public String address() {
    return String.format("0x%x", id());
  }

  /** The type's Java name ({@code java.lang.Class} for class objects). */
  public String typeName() {
    return heap.dump().typeName(node);
  }

  public ObjectKind kind() {
    return heap.dump().kind(node);
  }

  /** Shallow size in bytes. */
  public long shallowSize() {
    return heap.dump().shallowSize(node);
  }

  /** Retained size in bytes (the dominator tree is computed on first use). */
  public long retainedSize() {
    return heap.dominance().retainedSize(node);
  }

  /** The object as a set of one. */
  public ObjectSet set() {
    return ObjectSet.of(heap, NodeSet.of(node));
  }

  /** A String's text, or null for other objects. */
  public String stringValue() {
    return heap.dump().stringValue(node);
  }

  /** An array's length; -1 for other objects. */
  public long arrayLength() {
    return heap.dump().arrayLength(node);
  }

  /**
   * The first {@code limit} elements of an array as texts: references as {@code 0x... <type>}
   * or {@code null}, primitives as Java writes them; empty for other objects.
   */
  public List<String> elements(int limit) {
    HeapDump dump = heap.dump();
    ObjectKind kind = kind();
    if (kind != ObjectKind.OBJECT_ARRAY && kind != ObjectKind.PRIMITIVE_ARRAY) {
      return List.of();
    }
    long[] values = dump.arrayElements(node, 0, limit);
    List<String> texts = new ArrayList<>(values.length);
    BasicType type = dump.elementType(node);
    for (long value : values) {
      if (kind == ObjectKind.OBJECT_ARRAY) {
        texts.add(value < 0 ? "null" : referenceText((int) value));
      } else {
        texts.add(new FieldValue(new FieldInfo("", type, ""), value, -1).text());
      }
    }
    return texts;
  }

  /** The fields with their values: instance fields (own class first), or a class's statics. */
  public List<FieldView> fields() {
    HeapDump dump = heap.dump();
    List<FieldView> views = new ArrayList<>();
    if (kind() == ObjectKind.CLASS) {
      JavaClass javaClass = dump.classAtOrNull(node);
      if (javaClass != null) {
        for (StaticField field : javaClass.statics()) {
          int target = field.type() == BasicType.OBJECT && field.value() != 0 ? dump.indexOf(field.value()) : -1;
          FieldValue value = new FieldValue(new FieldInfo(field.name(), field.type(), javaClass.name()), field.value(), target);
          views.add(view(value));
        }
      }
      return views;
    }
    for (FieldValue value : dump.fields(node)) {
      views.add(view(value));
    }
    return views;
  }

  private FieldView view(FieldValue value) {
    String text;
    if (value.isReference()) {
      text = value.bits() == 0 ? "null" : value.target() < 0 ? value.text() + " <not in the dump>" : referenceText(value.target());
    } else {
      text = value.text();
    }
    return new FieldView(value.field().name(), value.field().type().javaName(), text, value.target(), value.value());
  }

  private String referenceText(int target) {
    HeapDump dump = heap.dump();
    String text = Representations.address(dump, target) + " <" + dump.typeName(target) + ">";
    String string = dump.stringValue(target);
    return string == null ? text : text + " " + Representations.quoteLimited(string);
  }

  /**
   * {@code o.name}: a reference field as a set of one object (empty for null or an object not in
   * the dump), a primitive field as its boxed value. The nearest declaration wins (own class
   * first).
   *
   * @throws IllegalArgumentException if the object has no such field, listing the names it has
   */
  public Object field(String name) {
    List<FieldView> fields = fields();
    for (FieldView field : fields) {
      if (field.name().equals(name)) {
        if (!field.isReference()) {
          return field.value();
        }
        return ObjectSet.of(heap, field.target() < 0 ? NodeSet.empty() : NodeSet.of(field.target()));
      }
    }
    List<String> names = new ArrayList<>();
    for (FieldView field : fields) {
      names.add(field.name());
    }
    throw new IllegalArgumentException(
        typeName() + " at " + address() + " has no field '" + name + "'"
            + (names.isEmpty() ? "" : "; fields: " + String.join(", ", names)));
  }

  /** The text shown for the object (see the class comment). */
  public String render() {
    StringBuilder out = new StringBuilder();
    out.append(typeName()).append(" at ").append(address()).append('\n');
    out.append("  shallow size ").append(shallowSize()).append(" bytes, retained size ")
        .append(retainedSize()).append(" bytes\n");
    String string = stringValue();
    if (string != null) {
      out.append("  text ").append(Representations.quote(string)).append('\n');
    }
    long length = arrayLength();
    if (length >= 0) {
      List<String> elements = elements(SHOWN_ELEMENTS);
      out.append("  length ").append(length).append('\n');
      for (int index = 0; index < elements.size(); index++) {
        out.append("  [").append(index).append("] = ").append(elements.get(index)).append('\n');
      }
      if (length > elements.size()) {
        out.append("  <").append(length - elements.size()).append(" more elements>\n");
      }
    }
    String prefix = kind() == ObjectKind.CLASS ? "  static " : "  .";
    for (FieldView field : fields()) {
      out.append(prefix).append(field.name()).append(" = ").append(field.text()).append('\n');
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return render();
  }
}
