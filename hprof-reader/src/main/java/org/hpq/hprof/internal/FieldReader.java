package org.hpq.hprof.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hpq.hprof.BasicType;
import org.hpq.hprof.FieldInfo;
import org.hpq.hprof.FieldValue;
import org.hpq.hprof.JavaClass;
import org.hpq.hprof.io.DumpSource;
import org.hpq.hprof.store.LongArray;

/**
 * Reads field values, array elements and String text lazily from the dump, at the offsets kept in
 * the index. Thread-safe (calls are serialised on one small buffered cursor).
 */
public final class FieldReader {
  private static final int MAX_STRING = 1 << 20;

  private final HprofCursor in;
  private final LongArray offsets;
  private final IdIndex ids;
  private final java.util.function.IntFunction<JavaClass> classOf;

  public FieldReader(
      DumpSource source, int idSize, LongArray offsets, IdIndex ids, java.util.function.IntFunction<JavaClass> classOf) {
    this.in = new HprofCursor(source, 64 << 10);
    this.in.idSize(idSize);
    this.offsets = offsets;
    this.ids = ids;
    this.classOf = classOf;
  }

  /** The instance fields of {@code object} with values, own class first; empty for non-instances. */
  public synchronized List<FieldValue> fields(int object) {
    in.seek(offsets.get(object));
    if (in.u1() != SubRecordReader.INSTANCE_DUMP) {
      return List.of();
    }
    in.id();
    in.i4();
    in.id();
    long size = in.u4();
    long end = in.position() + size;
    JavaClass javaClass = classOf.apply(object);
    if (javaClass == null) {
      return List.of();
    }
    List<FieldValue> values = new ArrayList<>(javaClass.allFields().size());
    for (FieldInfo field : javaClass.allFields()) {
      if (in.position() + field.type().sizeInFile(in.idSize()) > end) {
        break;
      }
      long bits = in.value(field.type().tag());
      int target = field.type() == BasicType.OBJECT && bits != 0 ? ids.indexOf(bits) : -1;
      values.add(new FieldValue(field, bits, target));
    }
    return values;
  }

  /** Element count of an array object; -1 for other objects. */
  public synchronized long arrayLength(int object) {
    in.seek(offsets.get(object));
    int tag = in.u1();
    if (tag != SubRecordReader.OBJECT_ARRAY_DUMP
        && tag != SubRecordReader.PRIMITIVE_ARRAY_DUMP
        && tag != SubRecordReader.PRIMITIVE_ARRAY_NODATA) {
      return -1;
    }
    in.id();
    in.i4();
    return in.u4();
  }

  /**
   * Up to {@code limit} elements of an array from {@code from}: object indexes (-1 for null) for
   * object arrays, raw bits for primitive arrays. Empty for other objects.
   */
  public synchronized long[] elements(int object, long from, int limit) {
    in.seek(offsets.get(object));
    int tag = in.u1();
    if (tag != SubRecordReader.OBJECT_ARRAY_DUMP && tag != SubRecordReader.PRIMITIVE_ARRAY_DUMP) {
      return new long[0];
    }
    in.id();
    in.i4();
    long length = in.u4();
    int type;
    if (tag == SubRecordReader.OBJECT_ARRAY_DUMP) {
      in.id();
      type = BasicType.OBJECT.tag();
    } else {
      type = in.u1();
    }
    int elementSize = BasicType.ofTagOrNull(type).sizeInFile(in.idSize());
    long start = Math.max(0, Math.min(from, length));
    int count = (int) Math.max(0, Math.min(limit, length - start));
    in.skip(start * elementSize);
    long[] values = new long[count];
    for (int i = 0; i < count; i++) {
      long bits = in.value(type);
      values[i] = type == BasicType.OBJECT.tag() ? (bits == 0 ? -1 : ids.indexOf(bits)) : bits;
    }
    return values;
  }

  /**
   * The text of a {@code java.lang.String} (JDK 9+ {@code byte[]} with a coder, or JDK 8 {@code
   * char[]}; UTF-16 bytes in the little-endian order of x86 VMs), cut to 1 Mi characters; null if {@code object} is not a String or its value is
   * missing.
   */
  public String stringValue(int object) {
    JavaClass javaClass = classOf.apply(object);
    if (javaClass == null || !javaClass.name().equals("java.lang.String")) {
      return null;
    }
    int value = -1;
    int coder = 0;
    for (FieldValue field : fields(object)) {
      if (field.field().name().equals("value")) {
        value = field.target();
      } else if (field.field().name().equals("coder")) {
        coder = (int) field.bits();
      }
    }
    if (value < 0) {
      return null;
    }
    long[] elements = elements(value, 0, MAX_STRING * 2);
    JavaClass valueClass = classOf.apply(value);
    boolean chars = valueClass != null ? valueClass.name().equals("char[]") : false;
    if (!chars && arrayType(value) == BasicType.CHAR.tag()) {
      chars = true;
    }
    if (chars) {
      StringBuilder text = new StringBuilder(elements.length);
      for (long element : elements) {
        text.append((char) element);
      }
      return text.toString();
    }
    byte[] bytes = new byte[elements.length];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) elements[i];
    }
    return new String(bytes, coder == 1 ? StandardCharsets.UTF_16LE : StandardCharsets.ISO_8859_1);
  }

  private synchronized int arrayType(int object) {
    in.seek(offsets.get(object));
    if (in.u1() != SubRecordReader.PRIMITIVE_ARRAY_DUMP) {
      return -1;
    }
    in.id();
    in.i4();
    in.u4();
    return in.u1();
  }
}
