package org.hpq.shell.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hpq.hprof.HeapDump;
import org.hpq.hprof.HprofFormatException;
import org.hpq.hprof.OpenOptions;
import org.hpq.hprof.Strictness;
import org.hpq.testkit.FieldType;
import org.hpq.testkit.HprofWriter;
import org.hpq.testkit.JdkClasses;

/**
 * A small but varied test-writer dump for shell tests: a linked list of nodes with labels, a
 * tree, arrays, a weak reference, a cycle, unreachable garbage and several kinds of GC root.
 */
public final class SmallHeap {
  private SmallHeap() {}

  /** The dump's bytes; {@code nodes} list nodes (at least 1). */
  public static byte[] bytes(int nodes) {
    HprofWriter writer = HprofWriter.create();
    JdkClasses jdk = writer.writeMinimalJdkClasses();
    long node =
        writer.defineClass("com.example.Node").superclass(jdk.objectClass())
            .field("next", FieldType.OBJECT).field("label", FieldType.OBJECT).field("weight", FieldType.INT)
            .staticField("COUNT", FieldType.INT, nodes).write();
    long tree =
        writer.defineClass("com.example.Tree").superclass(jdk.objectClass())
            .field("left", FieldType.OBJECT).field("right", FieldType.OBJECT).write();
    long previous = 0;
    for (int i = 0; i < nodes; i++) {
      previous = writer.instance(node).set("next", previous).set("label", writer.string("node " + i % 50)).set("weight", i).write();
    }
    long leaf = writer.instance(tree).write();
    long root = writer.instance(tree).set("left", leaf).set("right", writer.instance(tree).set("left", leaf).write()).write();
    long cycle = writer.reserveObjectId();
    writer.instance(node).id(cycle).set("next", cycle).write();
    long array = writer.objectArray(jdk.objectArrayClass(), previous, root, cycle, 0);
    writer.primitiveArray(new int[] {1, 2, 3});
    writer.primitiveArray(new byte[100]);
    long weak = writer.instance(jdk.weakReferenceClass()).set("referent", root).write();
    writer.instance(node).set("label", writer.string("garbage")).write();
    writer.rootJniGlobal(array, 1);
    writer.rootJniGlobal(weak, 2);
    writer.rootStickyClass(node);
    return writer.toBytes();
  }

  /** Writes {@link #bytes} to {@code folder}/small.hprof and opens it with its index beside. */
  public static HeapDump open(Path folder, int nodes) throws IOException, HprofFormatException {
    Files.createDirectories(folder);
    Path file = Files.write(folder.resolve("small.hprof"), bytes(nodes));
    return HeapDump.open(file, options(folder));
  }

  /** Options keeping the index and the cache in {@code folder}. */
  public static OpenOptions options(Path folder) {
    return OpenOptions.defaults()
        .withIndexDirectory(folder.resolve("index"))
        .withCacheDirectory(folder.resolve("cache"))
        .withStrictness(Strictness.WARN);
  }
}
