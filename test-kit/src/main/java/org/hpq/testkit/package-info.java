/**
 * Test support for hpq: {@link org.hpq.testkit.HprofWriter} writes synthetic HPROF files byte for
 * byte, and {@link org.hpq.testkit.ChildJvmDump} dumps a real child JVM running a known workload
 * together with the VM's own class histogram.
 *
 * <pre>{@code
 * HprofWriter writer = HprofWriter.create();                 // JAVA PROFILE 1.0.2, 8-byte ids
 * JdkClasses jdk = writer.writeMinimalJdkClasses();
 * long item = writer.defineClass("com.example.Item").superclass(jdk.objectClass())
 *     .field("id", FieldType.INT).field("next", FieldType.OBJECT).write();
 * long second = writer.reserveObjectId();
 * long first = writer.instance(item).set("id", 1).set("next", second).write();
 * writer.instance(item).id(second).set("id", 2).set("next", first).write();
 * writer.rootJniGlobal(first, 0x1234);
 * byte[] hprof = writer.toBytes();
 * }</pre>
 */
package org.hpq.testkit;
