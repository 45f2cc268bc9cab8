package org.hpq.hprof.fuzz;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hpq.testkit.FieldType;
import org.hpq.testkit.HeapDumpLayout;
import org.hpq.testkit.HprofVersion;
import org.hpq.testkit.HprofWriter;
import org.hpq.testkit.JdkClasses;
import org.hpq.testkit.StackFrameSpec;
import org.hpq.testkit.StringLayout;

/**
 * Small test-writer dumps that between them hold every record and sub-record kind the reader
 * knows, in the layouts it must handle: the seeds of the parser and gzip fuzz targets. Each is a
 * few KiB so that the fuzzer mutates quickly.
 */
public final class SeedDumps {
  private SeedDumps() {}

  /** Seed name to dump bytes, in a fixed order. */
  public static Map<String, byte[]> all() {
    Map<String, byte[]> seeds = new LinkedHashMap<>();
    seeds.put("every-record-segments", everyRecord(HprofWriter.create().defaultHeapDumpLayout(HeapDumpLayout.segments(700))));
    seeds.put("every-record-single", everyRecord(HprofWriter.create().defaultHeapDumpLayout(HeapDumpLayout.singleRecord())));
    seeds.put("every-record-id4-v103", everyRecord(HprofWriter.create(HprofVersion.V1_0_3, 4)));
    seeds.put("every-record-split", everyRecord(
        HprofWriter.create().defaultHeapDumpLayout(HeapDumpLayout.segments(300).splittingSubRecords())));
    seeds.put("char-array-strings", everyRecord(HprofWriter.create().stringLayout(StringLayout.CHAR_ARRAY)));
    seeds.put("all-roots-and-arrays", rootsAndArrays());
    seeds.put("header-only", HprofWriter.create().toBytes());
    return seeds;
  }

  private static byte[] everyRecord(HprofWriter writer) {
    JdkClasses jdk = writer.writeMinimalJdkClasses();
    long node =
        writer.defineClass("com.example.Node").superclass(jdk.objectClass())
            .field("next", FieldType.OBJECT).field("label", FieldType.OBJECT).field("weight", FieldType.DOUBLE)
            .field("flag", FieldType.BOOLEAN).field("letter", FieldType.CHAR).field("small", FieldType.SHORT)
            .staticField("HEAD", FieldType.OBJECT, 0L).staticField("COUNT", FieldType.LONG, 7L)
            .constantPoolEntry(1, FieldType.INT, 42).write();
    long previous = 0;
    for (int i = 0; i < 6; i++) {
      previous = writer.instance(node).set("next", previous).set("label", writer.string("node " + i)).set("weight", i * 0.5).write();
    }
    long self = writer.reserveObjectId();
    writer.instance(node).id(self).set("next", self).write();
    long array = writer.objectArray(jdk.objectArrayClass(), previous, 0, self);
    writer.primitiveArray(new int[] {1, 2, 3, 4});
    writer.primitiveArray(new byte[] {5, 6});
    writer.stringUtf16("utf16 \u00e9");
    long weak = writer.instance(jdk.weakReferenceClass()).set("referent", previous).write();
    long thread = writer.instance(jdk.threadClass()).set("name", writer.string("worker")).write();
    var handle = writer.thread(thread, StackFrameSpec.of(node, "work", 7), StackFrameSpec.of(node, "run", -1));
    writer.rootJavaFrame(array, handle.threadSerial(), 1);
    writer.rootJniGlobal(weak, 5);
    writer.rootStickyClass(node);
    writer.unloadClass(writer.classSerial(node) + 1000);
    writer.heapDumpInfo(1, "app");
    return writer.toBytes();
  }

  private static byte[] rootsAndArrays() {
    HprofWriter writer = HprofWriter.create();
    JdkClasses jdk = writer.writeMinimalJdkClasses();
    writer.primitiveArray(new boolean[] {true, false});
    writer.primitiveArray(new char[] {'a', 'b'});
    writer.primitiveArray(new short[] {3});
    writer.primitiveArray(new long[] {4L});
    writer.primitiveArray(new float[] {5f});
    writer.primitiveArray(new double[] {6d});
    long target = writer.instance(jdk.objectClass()).write();
    writer.rootUnknown(target);
    writer.rootJniLocal(target, 1, 0);
    writer.rootNativeStack(target, 1);
    writer.rootThreadBlock(target, 1);
    writer.rootMonitorUsed(target);
    writer.root(org.hpq.testkit.RootType.INTERNED_STRING, target);
    writer.root(org.hpq.testkit.RootType.VM_INTERNAL, target);
    writer.root(org.hpq.testkit.RootType.JNI_MONITOR, target, 1, 2);
    return writer.toBytes();
  }
}
