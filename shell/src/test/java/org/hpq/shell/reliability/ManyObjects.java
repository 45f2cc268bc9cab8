package org.hpq.shell.reliability;

import org.hpq.testkit.FieldType;
import org.hpq.testkit.HprofWriter;
import org.hpq.testkit.JdkClasses;

/**
 * A dump of {@code count} objects in long chains hanging off one array: large enough that a query
 * over it prints millions of rows or runs long enough to be interrupted.
 */
final class ManyObjects {
  private ManyObjects() {}

  static byte[] bytes(int count) {
    HprofWriter writer = HprofWriter.create();
    JdkClasses jdk = writer.writeMinimalJdkClasses();
    long item = writer.defineClass("com.example.Item").superclass(jdk.objectClass())
        .field("next", FieldType.OBJECT).field("size", FieldType.INT).write();
    int chains = 1000;
    long[] heads = new long[chains];
    for (int i = 0; i < count; i++) {
      int chain = i % chains;
      heads[chain] = writer.instance(item).set("next", heads[chain]).set("size", i).write();
    }
    writer.rootJniGlobal(writer.objectArray(jdk.objectArrayClass(), heads), 1);
    return writer.toBytes();
  }
}
