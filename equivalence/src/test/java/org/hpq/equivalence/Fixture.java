package org.hpq.equivalence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hpq.hprof.HeapDump;
import org.hpq.hprof.HprofFormatException;
import org.hpq.hprof.OpenOptions;
import org.hpq.hprof.Strictness;
import org.hpq.setalgebra.NodeSet;
import org.hpq.testkit.FieldType;
import org.hpq.testkit.HprofWriter;
import org.hpq.testkit.JdkClasses;
import org.hpq.testkit.StackFrameSpec;

/**
 * The hand-made dump most tests use, written once per JVM:
 *
 * <pre>
 *   sticky classes Holder (static INSTANCE -> holder), Integer, Item, Cache, Pair, Main
 *   holder (Holder) .cache -> cache, .items -> items, .count -> boxed (Integer 42),
 *                   .left -> jointA, .right -> jointB, .ref -> weak
 *   items = Object[] {item0, item1, item2}        (owned by holder)
 *   cache (Cache) .table -> table = Object[] {null, item0}   (owned by cache)
 *   item i (Item) .id = i, .name -> "item-i", .payload -> byte[4] (owned by item i),
 *                 .next -> item (i+1) % 3                       (a ring)
 *   jointA, jointB (Pair) .left -> shared = byte[8]   (two referrers: no owner)
 *   weak (WeakReference) .referent -> weakTarget (Object; only weakly held)
 *   JNI global root -> globalArray = long[2]  (no referrer: no owner)
 *   thread "main" (Thread object root), frame Main.run(Main.java:12) holds local (Local)
 *   garbage (Item): referred to by nothing, unreachable
 *   loader (ClassLoader) defines Local
 * </pre>
 */
final class Fixture {
  final Path folder;
  final HeapDump dump;
  final Heap heap;
  final JdkClasses jdk;
  long holderClass;
  long itemClass;
  long holder;
  long cache;
  long items;
  long table;
  long[] item = new long[3];
  long[] name = new long[3];
  long[] payload = new long[3];
  long boxed;
  long jointA;
  long jointB;
  long shared;
  long weak;
  long weakTarget;
  long globalArray;
  long threadObject;
  long local;
  long garbage;
  long loader;

  private static Fixture shared_;

  /** The fixture, written on first use into a temporary folder removed at exit. */
  static synchronized Fixture get() {
    if (shared_ == null) {
      shared_ = new Fixture(0);
    }
    return shared_;
  }

  /** A fresh copy of the dump with {@code extraItems} more reachable Items (for diffs). */
  static Fixture withExtraItems(int extraItems) {
    return new Fixture(extraItems);
  }

  private Fixture(int extraItems) {
    try {
      folder = Files.createTempDirectory("hpq-equivalence-test-");
      folder.toFile().deleteOnExit();
      HprofWriter writer = HprofWriter.create();
      jdk = writer.writeMinimalJdkClasses();
      long objectClass = jdk.objectClass();
      long integerClass =
          writer.defineClass("java.lang.Integer").superclass(objectClass).field("value", FieldType.INT).write();
      holder = writer.reserveObjectId(40);
      holderClass =
          writer.defineClass("com.example.Holder").superclass(objectClass)
              .field("cache", FieldType.OBJECT).field("items", FieldType.OBJECT).field("count", FieldType.OBJECT)
              .field("left", FieldType.OBJECT).field("right", FieldType.OBJECT).field("ref", FieldType.OBJECT)
              .field("extra", FieldType.OBJECT)
              .staticField("INSTANCE", FieldType.OBJECT, holder).write();
      writer.rootStickyClass(holderClass);
      itemClass =
          writer.defineClass("com.example.Item").superclass(objectClass)
              .field("id", FieldType.INT).field("name", FieldType.OBJECT)
              .field("payload", FieldType.OBJECT).field("next", FieldType.OBJECT).write();
      long cacheClass = writer.defineClass("com.example.Cache").superclass(objectClass).field("table", FieldType.OBJECT).write();
      long pairClass = writer.defineClass("com.example.Pair").superclass(objectClass).field("left", FieldType.OBJECT).write();
      loader = writer.reserveObjectId(24);
      long localClass =
          writer.defineClass("com.example.Local").superclass(objectClass).classLoader(loader)
              .field("value", FieldType.INT).write();
      writer.instance(jdk.classLoaderClass()).id(loader).write();
      long mainClass = writer.defineClass("com.example.Main").superclass(objectClass).write();
      // HotSpot roots the boot loader's classes as sticky classes.
      for (long bootClass : new long[] {integerClass, itemClass, cacheClass, pairClass, mainClass}) {
        writer.rootStickyClass(bootClass);
      }

      for (int i = 0; i < 3; i++) {
        item[i] = writer.reserveObjectId(24);
      }
      for (int i = 0; i < 3; i++) {
        name[i] = writer.string("item-" + i);
        payload[i] = writer.primitiveArray(new byte[] {(byte) i, 1, 2, 3});
        writer.instance(itemClass).id(item[i]).set("id", i).set("name", name[i]).set("payload", payload[i])
            .set("next", item[(i + 1) % 3]).write();
      }
      items = writer.objectArray(jdk.objectArrayClass(), item[0], item[1], item[2]);
      table = writer.objectArray(jdk.objectArrayClass(), 0L, item[0]);
      cache = writer.instance(cacheClass).set("table", table).write();
      boxed = writer.instance(integerClass).set("value", 42).write();
      shared = writer.primitiveArray(new byte[8]);
      jointA = writer.instance(pairClass).set("left", shared).write();
      jointB = writer.instance(pairClass).set("left", shared).write();
      weakTarget = writer.instance(objectClass).write();
      weak = writer.instance(jdk.weakReferenceClass()).set("referent", weakTarget).write();
      long extra = 0;
      if (extraItems > 0) {
        long[] extras = new long[extraItems];
        for (int i = 0; i < extraItems; i++) {
          extras[i] = writer.instance(itemClass).set("id", 100 + i).write();
        }
        extra = writer.objectArray(jdk.objectArrayClass(), extras);
      }
      writer.instance(holderClass).id(holder).set("cache", cache).set("items", items).set("count", boxed)
          .set("left", jointA).set("right", jointB).set("ref", weak).set("extra", extra).write();
      globalArray = writer.primitiveArray(new long[] {5, 6});
      writer.rootJniGlobal(globalArray, 0x77);
      long threadName = writer.string("main");
      threadObject = writer.instance(jdk.threadClass()).set("name", threadName).write();
      var thread = writer.thread(threadObject, new StackFrameSpec(mainClass, "run", "()V", "Main.java", 12));
      local = writer.instance(localClass).set("value", 9).write();
      writer.rootJavaFrame(local, thread.threadSerial(), 0);
      garbage = writer.instance(itemClass).set("id", 99).write();

      Path file = folder.resolve("fixture.hprof");
      Files.write(file, writer.toBytes());
      OpenOptions options =
          OpenOptions.defaults()
              .withIndexDirectory(folder.resolve("index"))
              .withCacheDirectory(folder.resolve("cache"))
              .withStrictness(Strictness.STRICT);
      dump = HeapDump.open(file, options);
      heap = Heap.of(dump);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (HprofFormatException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The object index of {@code id}. */
  int node(long id) {
    return heap.node(id);
  }

  /** The set of the objects with these ids, displayed by clodo. */
  ObjectSet set(long... ids) {
    return heap.objectsWithIds(ids);
  }

  /** The set of these object indexes. */
  ObjectSet nodes(int... nodes) {
    return ObjectSet.of(heap, NodeSet.of(nodes));
  }
}
