package org.hpq.equivalence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.hpq.hprof.HeapDump;
import org.hpq.hprof.OpenOptions;
import org.hpq.testkit.FieldType;
import org.hpq.testkit.HprofWriter;
import org.hpq.testkit.JdkClasses;

/**
 * A generated dump of {@code nodeCount} Nodes in one big array, each with a random next Node and
 * a byte[] of random length (seeded), for ordering and speed checks on many objects.
 */
final class LargeSets {
  private LargeSets() {}

  static Heap write(Path folder, int nodeCount, long seed) throws Exception {
    Random random = new Random(seed);
    HprofWriter writer = HprofWriter.create();
    JdkClasses jdk = writer.writeMinimalJdkClasses();
    long nodeClass =
        writer.defineClass("com.example.Node").superclass(jdk.objectClass())
            .field("next", FieldType.OBJECT).field("data", FieldType.OBJECT).write();
    writer.rootStickyClass(nodeClass);
    long[] nodes = new long[nodeCount];
    for (int i = 0; i < nodeCount; i++) {
      nodes[i] = writer.reserveObjectId(16);
    }
    for (int i = 0; i < nodeCount; i++) {
      long data = writer.primitiveArray(new byte[random.nextInt(64)]);
      writer.instance(nodeClass).id(nodes[i]).set("next", nodes[random.nextInt(nodeCount)]).set("data", data).write();
    }
    long array = writer.objectArray(jdk.objectArrayClass(), nodes);
    writer.rootJniGlobal(array, 1);
    Path file = folder.resolve("large-" + nodeCount + "-" + seed + ".hprof");
    Files.createDirectories(folder);
    writeTo(writer, file);
    return Heap.of(HeapDump.open(file, OpenOptions.defaults().withIndexDirectory(folder.resolve("index-" + seed))));
  }

  private static void writeTo(HprofWriter writer, Path file) throws IOException {
    Files.write(file, writer.toBytes());
  }
}
