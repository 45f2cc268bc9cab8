package org.hpq.testkit;

import java.util.ArrayList;
import java.util.List;
import org.hpq.testkit.internal.ByteSink;
import org.hpq.testkit.internal.ClassLayout;
import org.hpq.testkit.internal.ValueEncoder;

/**
 * Defines one class for {@link HprofWriter#defineClass}: {@link #write()} writes the UTF8 names, a
 * LOAD CLASS record and the CLASS DUMP sub-record, and remembers the field layout so that {@link
 * HprofWriter#instance} can lay out instances.
 *
 * <p>Fields are written in the order added; instance values follow that order. Defaults: automatic
 * id, superclass 0, loader/signers/protection domain 0, the writer's default trace serial, an
 * automatic class serial, instance size = the sum of field sizes (identifier size for references)
 * over this class and its already-defined superclasses, as HotSpot computes it.
 */
public final class ClassBuilder {
  private final HprofWriter writer;
  private final String internalName;
  private final List<ClassLayout.Field> fields = new ArrayList<>();
  private final List<Object[]> statics = new ArrayList<>();
  private final List<Object[]> constantPool = new ArrayList<>();
  private Long id;
  private long superclassId;
  private long classLoaderId;
  private long signersId;
  private long protectionDomainId;
  private Integer traceSerial;
  private Integer serial;
  private Long instanceSize;
  private boolean writeLoadClass = true;

  ClassBuilder(HprofWriter writer, String internalName) {
    this.writer = writer;
    this.internalName = internalName;
  }

  /** Uses an explicit class object id. */
  public ClassBuilder id(long classId) {
    this.id = classId;
    return this;
  }

  /** Sets the superclass id (0 for none; any value, for dangling or looping hierarchies). */
  public ClassBuilder superclass(long classId) {
    this.superclassId = classId;
    return this;
  }

  /** Sets the superclass to the first class defined under {@code className}. */
  public ClassBuilder superclass(String className) {
    return superclass(writer.findClassId(className));
  }

  /** Sets the class loader object id. */
  public ClassBuilder classLoader(long loaderId) {
    this.classLoaderId = loaderId;
    return this;
  }

  /** Sets the signers object id. */
  public ClassBuilder signers(long signersObjectId) {
    this.signersId = signersObjectId;
    return this;
  }

  /** Sets the protection domain object id. */
  public ClassBuilder protectionDomain(long domainId) {
    this.protectionDomainId = domainId;
    return this;
  }

  /** Sets the stack trace serial written in LOAD CLASS and CLASS DUMP. */
  public ClassBuilder traceSerial(int serialOfTrace) {
    this.traceSerial = serialOfTrace;
    return this;
  }

  /** Sets the LOAD CLASS serial (else the next automatic one). */
  public ClassBuilder serial(int classSerial) {
    this.serial = classSerial;
    return this;
  }

  /** Overrides the CLASS DUMP instance size. */
  public ClassBuilder instanceSize(long bytes) {
    this.instanceSize = bytes;
    return this;
  }

  /** Writes no LOAD CLASS record (and no name) for this class: a CLASS DUMP only. */
  public ClassBuilder withoutLoadClass() {
    this.writeLoadClass = false;
    return this;
  }

  /** Adds an instance field. */
  public ClassBuilder field(String name, FieldType type) {
    fields.add(new ClassLayout.Field(name, type));
    return this;
  }

  /** Adds a static field with its value (see {@link FieldType} for accepted values). */
  public ClassBuilder staticField(String name, FieldType type, Object value) {
    statics.add(new Object[] {name, type, value});
    return this;
  }

  /** Adds a constant pool entry (HotSpot writes none). */
  public ClassBuilder constantPoolEntry(int index, FieldType type, Object value) {
    constantPool.add(new Object[] {index, type, value});
    return this;
  }

  /** Writes the class and returns its id. */
  public long write() {
    long classId = id != null ? id : writer.reserveObjectId(96);
    int classSerial = 0;
    int trace = traceSerial != null ? traceSerial : writer.defaultTraceSerial();
    if (writeLoadClass) {
      classSerial = serial != null ? serial : writer.classes().allocateClassSerial();
      writer.loadClass(classSerial, classId, trace, writer.utf8(internalName));
    }
    long[] staticNameIds = new long[statics.size()];
    for (int i = 0; i < statics.size(); i++) {
      staticNameIds[i] = writer.utf8((String) statics.get(i)[0]);
    }
    long[] fieldNameIds = new long[fields.size()];
    for (int i = 0; i < fields.size(); i++) {
      fieldNameIds[i] = writer.utf8(fields.get(i).name());
    }
    ClassLayout layout = new ClassLayout(classId, internalName, classSerial, superclassId, fields);
    int idSize = writer.identifierSize();
    ByteSink sink = writer.subRecord(HeapDumpSubRecords.CLASS_DUMP);
    sink.id(classId).u4(trace).id(superclassId).id(classLoaderId).id(signersId);
    sink.id(protectionDomainId).id(0).id(0).u4(instanceSize != null ? instanceSize : computedSize(layout, idSize));
    sink.u2(constantPool.size());
    for (Object[] entry : constantPool) {
      FieldType type = (FieldType) entry[1];
      sink.u2((Integer) entry[0]).u1(type.tag());
      ValueEncoder.write(sink, type, entry[2]);
    }
    sink.u2(statics.size());
    for (int i = 0; i < statics.size(); i++) {
      FieldType type = (FieldType) statics.get(i)[1];
      sink.id(staticNameIds[i]).u1(type.tag());
      ValueEncoder.write(sink, type, statics.get(i)[2]);
    }
    sink.u2(fields.size());
    for (int i = 0; i < fields.size(); i++) {
      sink.id(fieldNameIds[i]).u1(fields.get(i).type().tag());
    }
    writer.classes().register(layout);
    return classId;
  }

  private long computedSize(ClassLayout layout, int idSize) {
    long size = fieldBytes(layout.fields(), idSize);
    if (layout.superclassId() != 0 && layout.superclassId() != layout.id()) {
      for (ClassLayout ancestor : writer.classes().hierarchy(layout.superclassId())) {
        if (ancestor.id() == layout.id()) {
          break;
        }
        size += fieldBytes(ancestor.fields(), idSize);
      }
    }
    return size;
  }

  private static long fieldBytes(List<ClassLayout.Field> fields, int idSize) {
    long size = 0;
    for (ClassLayout.Field field : fields) {
      size += field.type().sizeInFile(idSize);
    }
    return size;
  }
}
