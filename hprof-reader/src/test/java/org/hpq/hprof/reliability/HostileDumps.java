package org.hpq.hprof.reliability;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hpq.testkit.FieldType;
import org.hpq.testkit.HeapDumpLayout;
import org.hpq.testkit.HprofWriter;

/**
 * Small dumps whose lengths and counts claim far more than the file holds, whose segments nest,
 * whose ids point at themselves and whose classes loop: each case is a few KiB (a few MiB at
 * most) of file, so memory and time must stay bounded by that, not by what the bytes claim.
 */
final class HostileDumps {
  private static final long HUGE = 0xFFFF_FFFFL;

  private HostileDumps() {}

  static Map<String, byte[]> all() {
    Map<String, byte[]> cases = new LinkedHashMap<>();
    for (int tag : new int[] {0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x1C, 0x2C, 0x99}) {
      HprofWriter writer = base();
      writer.recordWithDeclaredLength(tag, HUGE, new byte[64]);
      cases.put(String.format("record 0x%02x claiming 4 GiB", tag), writer.toBytes());
    }
    cases.put("instance claiming 4 GiB of fields", with(w -> w.instanceDump(w.reserveObjectId(), 0, objectClass(w), HUGE, new byte[16])));
    cases.put("object array claiming 4G elements", with(w -> w.objectArrayDump(w.reserveObjectId(), 0, HUGE, objectArrayClass(w), 0L, 0L)));
    cases.put("object array claiming 2G elements", with(w -> w.objectArrayDump(w.reserveObjectId(), 0, 0x7FFF_FFFFL, objectArrayClass(w))));
    for (FieldType type : new FieldType[] {FieldType.BOOLEAN, FieldType.BYTE, FieldType.INT, FieldType.LONG}) {
      cases.put("primitive " + type + " array claiming 4G elements",
          with(w -> w.primitiveArrayDump(w.reserveObjectId(), 0, HUGE, type, new byte[8])));
    }
    cases.put("class dump claiming 65535 constants, statics and fields", with(w -> w.rawSubRecord(classDumpClaiming(w, 0xFFFF))));
    cases.put("stack trace claiming 2G frames", traceClaiming(0x7FFF_FFFF));
    cases.put("segment inside a segment", with(w -> w.rawSubRecord(w.recordBytes(0x1C, instanceBytes(w)))));
    cases.put("heap dump inside a segment", with(w -> w.rawSubRecord(w.recordBytes(0x0C, instanceBytes(w)))));
    cases.put("200000 empty segments", emptySegments(200_000));
    cases.put("ids pointing at themselves", selfReferences());
    cases.put("class loop of 3", classLoop(3));
    cases.put("class loop of 1000", classLoop(1000));
    cases.put("superclass chain 100 deep", classChain(100));
    cases.put("object with id 0 and id -1", with(w -> {
      w.instanceDump(0L, 0, objectClass(w), new byte[0]);
      w.instanceDump(-1L, 0, objectClass(w), new byte[0]);
      w.rootJniGlobal(0L, 1);
      w.rootJniGlobal(-1L, 2);
    }));
    cases.put("100000 roots on one object", with(w -> {
      long target = w.instance(objectClass(w)).write();
      for (int i = 0; i < 100_000; i++) {
        w.rootJniGlobal(target, i);
      }
    }));
    cases.put("malformed modified UTF-8 names", badUtf8());
    return cases;
  }

  private static HprofWriter base() {
    HprofWriter writer = HprofWriter.create().defaultHeapDumpLayout(HeapDumpLayout.segments(4096));
    writer.writeMinimalJdkClasses();
    return writer;
  }

  private static byte[] with(java.util.function.Consumer<HprofWriter> body) {
    HprofWriter writer = base();
    long object = writer.instance(objectClass(writer)).write();
    writer.rootJniGlobal(object, 99);
    body.accept(writer);
    return writer.toBytes();
  }

  private static long objectClass(HprofWriter writer) {
    return writer.findClassId("java.lang.Object");
  }

  private static long objectArrayClass(HprofWriter writer) {
    return writer.findClassId("java.lang.Object[]");
  }

  private static byte[] instanceBytes(HprofWriter writer) {
    ByteBuffer buffer = ByteBuffer.allocate(1 + 8 + 4 + 8 + 4);
    buffer.put((byte) 0x21).putLong(writer.reserveObjectId()).putInt(0).putLong(objectClass(writer)).putInt(0);
    return buffer.array();
  }

  /** A CLASS DUMP sub-record whose three counts are {@code count} and that ends after them. */
  private static byte[] classDumpClaiming(HprofWriter writer, int count) {
    ByteBuffer buffer = ByteBuffer.allocate(1 + 8 + 4 + 8 * 7 + 4 + 2 + 2 + 2);
    buffer.put((byte) 0x20).putLong(writer.reserveObjectId()).putInt(0);
    buffer.putLong(objectClass(writer)).putLong(0).putLong(0).putLong(0).putLong(0).putLong(0).putLong(0);
    buffer.putInt(16).putShort((short) count).putShort((short) count).putShort((short) count);
    return buffer.array();
  }

  private static byte[] traceClaiming(int frames) {
    HprofWriter writer = base();
    writer.record(0x05, ByteBuffer.allocate(12 + 16).putInt(77).putInt(1).putInt(frames).array());
    return writer.toBytes();
  }

  private static byte[] emptySegments(int count) {
    HprofWriter writer = base();
    byte[] empty = writer.recordBytes(0x1C, new byte[0]);
    byte[] all = new byte[empty.length * count];
    for (int i = 0; i < count; i++) {
      System.arraycopy(empty, 0, all, i * empty.length, empty.length);
    }
    writer.rawBytes(all);
    return writer.toBytes();
  }

  private static byte[] selfReferences() {
    HprofWriter writer = base();
    long self = writer.reserveObjectId(128);
    writer.defineClass("com.example.Self").id(self).superclass(self).classLoader(self)
        .field("me", FieldType.OBJECT).staticField("ME", FieldType.OBJECT, self).write();
    long instance = writer.reserveObjectId();
    writer.instance(self).id(instance).set("me", instance).write();
    long ownClass = writer.reserveObjectId();
    writer.instanceDump(ownClass, 0, ownClass, new byte[0]);
    long array = writer.reserveObjectId();
    writer.objectArrayWithId(array, objectArrayClass(writer), array, array, instance);
    writer.rootJniGlobal(array, 1);
    writer.rootJniGlobal(ownClass, 2);
    return writer.toBytes();
  }

  private static byte[] classLoop(int length) {
    HprofWriter writer = base();
    long[] ids = new long[length];
    for (int i = 0; i < length; i++) {
      ids[i] = writer.reserveObjectId(96);
    }
    for (int i = 0; i < length; i++) {
      writer.defineClass("com.example.Loop" + i).id(ids[i]).superclass(ids[(i + 1) % length]).field("f" + i, FieldType.INT).write();
    }
    writer.rootJniGlobal(writer.instance(ids[0]).write(), 1);
    return writer.toBytes();
  }

  static byte[] classChain(int depth) {
    HprofWriter writer = base();
    long superclass = objectClass(writer);
    for (int i = 0; i < depth; i++) {
      superclass = writer.defineClass("com.example.Level" + i).superclass(superclass).field("f" + i, FieldType.BYTE).write();
    }
    writer.rootJniGlobal(writer.instance(superclass).write(), 1);
    return writer.toBytes();
  }

  private static byte[] badUtf8() {
    HprofWriter writer = base();
    long name = writer.reserveObjectId();
    writer.utf8Bytes(name, new byte[] {(byte) 0xC0, (byte) 0x80, (byte) 0xED, (byte) 0xA0, (byte) 0x80, (byte) 0xFF, (byte) 0xE0});
    long classId = writer.reserveObjectId(64);
    writer.loadClass(12345, classId, 0, name);
    writer.loadClass(12346, writer.reserveObjectId(64), 0, 0xdeadL);
    writer.defineClass("placeholder").id(classId).withoutLoadClass().write();
    writer.rootJniGlobal(writer.instance(classId).write(), 1);
    return writer.toBytes();
  }
}
