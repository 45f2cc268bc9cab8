package org.hpq.testkit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hpq.testkit.internal.ByteSink;
import org.hpq.testkit.internal.ClassLayout;
import org.hpq.testkit.internal.ValueEncoder;

/**
 * One INSTANCE DUMP for {@link HprofWriter#instance}: field values are given by name and laid
 * out as HotSpot does, the class's own fields first, then its superclass's, up the chain. Fields
 * not set are written as zero / null.
 */
public final class InstanceBuilder {
  private final HprofWriter writer;
  private final long classId;
  private final Map<String, Object> valuesByField = new HashMap<>();
  private Long id;
  private Integer traceSerial;

  InstanceBuilder(HprofWriter writer, long classId) {
    this.writer = writer;
    this.classId = classId;
    if (writer.classes().layoutOrNull(classId) == null) {
      throw new IllegalArgumentException(
          "class 0x" + Long.toHexString(classId) + " was not defined by this writer; "
              + "use HprofWriter.instanceDump for raw field bytes");
    }
  }

  /** Uses an explicit object id (duplicates and reserved ids allowed). */
  public InstanceBuilder id(long objectId) {
    this.id = objectId;
    return this;
  }

  /** Sets the stack trace serial (else the writer's default). */
  public InstanceBuilder traceSerial(int serial) {
    this.traceSerial = serial;
    return this;
  }

  /**
   * Sets the field {@code name} declared nearest to the instance's class (the own class first).
   * References are object ids ({@code long}); see {@link FieldType} for other types.
   *
   * @throws IllegalArgumentException if no class in the chain declares the field
   */
  public InstanceBuilder set(String name, Object value) {
    for (ClassLayout layout : writer.classes().hierarchy(classId)) {
      for (ClassLayout.Field field : layout.fields()) {
        if (field.name().equals(name)) {
          valuesByField.put(key(layout.id(), name), value);
          return this;
        }
      }
    }
    throw new IllegalArgumentException("no field " + name + " in the hierarchy of 0x"
        + Long.toHexString(classId));
  }

  /** Sets a field declared by a given class of the chain (for a shadowed field). */
  public InstanceBuilder set(long declaringClassId, String name, Object value) {
    valuesByField.put(key(declaringClassId, name), value);
    return this;
  }

  /** Writes the instance and returns its id. */
  public long write() {
    List<ClassLayout> chain = writer.classes().hierarchy(classId);
    ByteSink values = new ByteSink(writer.identifierSize());
    long heapSize = 12;
    for (ClassLayout layout : chain) {
      for (ClassLayout.Field field : layout.fields()) {
        ValueEncoder.write(values, field.type(), valuesByField.get(key(layout.id(), field.name())));
        heapSize += field.type().heapSizeWithCompressedOops();
      }
    }
    long objectId = id != null ? id : writer.reserveObjectId(heapSize);
    int trace = traceSerial != null ? traceSerial : writer.defaultTraceSerial();
    writer.instanceDump(objectId, trace, classId, values.toByteArray());
    return objectId;
  }

  private static String key(long declaringClassId, String name) {
    return declaringClassId + "#" + name;
  }
}
