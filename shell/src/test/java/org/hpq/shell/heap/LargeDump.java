package org.hpq.shell.heap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.hpq.testkit.FieldType;
import org.hpq.testkit.HprofWriter;
import org.hpq.testkit.JdkClasses;

/**
 * A generated dump for long queries: {@code nodeCount} Nodes held by one Object[] (a JNI global
 * root), each with a {@code next} Node chosen at random and a {@code byte[]} of random length
 * (seeded, so the same seed writes the same bytes), so that {@code h.byvia} has many labels.
 */
final class LargeDump {
  private LargeDump() {}

  /** Writes {@code folder/large-NODES-SEED.hprof}. */
  static Path write(Path folder, int nodeCount, long seed) throws IOException {
    Random random = new Random(seed);
    HprofWriter writer = HprofWriter.create();
    JdkClasses jdk = writer.writeMinimalJdkClasses();
    long nodeClass = writer.defineClass("com.example.Node").superclass(jdk.objectClass())
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
    writer.rootJniGlobal(writer.objectArray(jdk.objectArrayClass(), nodes), 1);
    Files.createDirectories(folder);
    Path file = folder.resolve("large-" + nodeCount + "-" + seed + ".hprof");
    Files.write(file, writer.toBytes());
    return file;
  }
}
