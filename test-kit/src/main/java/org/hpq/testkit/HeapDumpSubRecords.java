package org.hpq.testkit;

import java.lang.reflect.Array;
import org.hpq.testkit.internal.ByteSink;
import org.hpq.testkit.internal.ValueEncoder;

/**
 * Encodes heap dump sub-records for {@link HprofWriter}: GC roots, INSTANCE DUMP, the array dumps
 * and Android's HEAP DUMP INFO. Each method appends one sub-record to the heap dump of the {@link
 * RecordOutput} (opening one if needed), every field as given, declared lengths included, so that
 * tests can write malformed dumps. CLASS DUMP is written by {@link ClassBuilder}.
 *
 * <p>Not thread-safe.
 */
final class HeapDumpSubRecords {
  static final int CLASS_DUMP = 0x20;
  static final int INSTANCE_DUMP = 0x21;
  static final int OBJECT_ARRAY_DUMP = 0x22;
  static final int PRIMITIVE_ARRAY_DUMP = 0x23;
  static final int PRIMITIVE_ARRAY_NO_DATA = 0xC3;
  static final int HEAP_DUMP_INFO = 0xFE;

  private final RecordOutput output;

  HeapDumpSubRecords(RecordOutput output) {
    this.output = output;
  }

  /** A root whose body is the object id only; throws for kinds needing more fields. */
  void root(RootType type, long objectId) {
    if (type.shape() != RootType.Shape.ID_ONLY) {
      throw new IllegalArgumentException(type + " needs more than an id: " + type.shape());
    }
    output.subRecord(type.tag()).id(objectId);
  }

  /**
   * A root of any kind: {@code extra} holds the fields after the object id (an id for {@link
   * RootType.Shape#ID_AND_ID}, u4s otherwise), exactly as many as the shape needs.
   */
  void root(RootType type, long objectId, long... extra) {
    int expected =
        switch (type.shape()) {
          case ID_ONLY -> 0;
          case ID_AND_ID, ID_AND_U4 -> 1;
          case ID_AND_TWO_U4 -> 2;
        };
    if (extra.length != expected) {
      throw new IllegalArgumentException(type + " takes " + expected + " extra fields");
    }
    ByteSink sink = output.subRecord(type.tag()).id(objectId);
    for (long value : extra) {
      if (type.shape() == RootType.Shape.ID_AND_ID) {
        sink.id(value);
      } else {
        sink.u4(value);
      }
    }
  }

  /** INSTANCE DUMP (0x21) declaring {@code declaredByteCount} whatever the bytes. */
  void instanceDump(
      long id, int traceSerial, long classId, long declaredByteCount, byte[] fieldBytes) {
    output.subRecord(INSTANCE_DUMP).id(id).u4(traceSerial).id(classId).u4(declaredByteCount)
        .bytes(fieldBytes);
  }

  /** OBJ ARRAY DUMP (0x22) declaring {@code declaredLength} whatever the elements. */
  void objectArrayDump(
      long id, int traceSerial, long declaredLength, long arrayClassId, long... elements) {
    ByteSink sink = output.subRecord(OBJECT_ARRAY_DUMP);
    sink.id(id).u4(traceSerial).u4(declaredLength).id(arrayClassId);
    for (long element : elements) {
      sink.id(element);
    }
  }

  /** PRIM ARRAY DUMP (0x23) of a Java primitive array ({@code int[]} ...), its real length. */
  void primitiveArray(long id, int traceSerial, Object javaArray) {
    FieldType type = FieldType.ofPrimitiveArray(javaArray);
    ByteSink elements = output.newBody();
    ValueEncoder.writeArrayElements(elements, javaArray);
    int length = Array.getLength(javaArray);
    primitiveArrayDump(id, traceSerial, length, type, elements.toByteArray());
  }

  /** PRIM ARRAY DUMP (0x23) with raw element bytes declaring {@code declaredLength}. */
  void primitiveArrayDump(
      long id, int traceSerial, long declaredLength, FieldType type, byte[] elementBytes) {
    output.subRecord(PRIMITIVE_ARRAY_DUMP).id(id).u4(traceSerial).u4(declaredLength)
        .u1(type.tag()).bytes(elementBytes);
  }

  /** Android's PRIM ARRAY NODATA (0xC3): a PRIM ARRAY DUMP header without elements. */
  void primitiveArrayNoData(long id, int traceSerial, long length, FieldType type) {
    output.subRecord(PRIMITIVE_ARRAY_NO_DATA).id(id).u4(traceSerial).u4(length).u1(type.tag());
  }

  /** Android's HEAP DUMP INFO (0xFE): heap id and the id of the heap's UTF8 name. */
  void heapDumpInfo(int heapId, long nameId) {
    output.subRecord(HEAP_DUMP_INFO).u4(heapId).id(nameId);
  }
}
