package org.hpq.hprof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hpq.hprof.Dumps.at;

import java.nio.file.Path;
import java.util.List;
import org.hpq.testkit.FieldType;
import org.hpq.testkit.HprofWriter;
import org.hpq.testkit.JdkClasses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The object graph of one hand-made dump: every kind of edge with its label, weak bits, inherited
 * fields, class names, roots and reachability.
 *
 * <pre>
 *   loader (ClassLoader) --defines--> Base, Item, Item[]
 *   Base { Object parentField; int count }  static Base.INSTANCE -> first
 *   Item extends Base { Object next; Object name }   constant pool #1 -> first
 *   first --.next--> second --.next--> first      first.name -> "alpha"
 *   array = Item[] {first, null, second}
 *   weak = WeakReference { referent -> onlyWeak, queue -> queue }
 *   lonely: referred to by nothing
 * </pre>
 */
class GraphTest {
  @TempDir static Path folder;

  static HeapDump dump;
  static JdkClasses jdk;
  static long loader;
  static long base;
  static long item;
  static long itemArray;
  static long first;
  static long second;
  static long alpha;
  static long array;
  static long weak;
  static long onlyWeak;
  static long queue;
  static long lonely;
  static long fakeReferent;
  static long holder;
  static long nodeArrayClass;
  static long intMatrixClass;
  static long bytes;
  static long mainClass;

  @BeforeAll
  static void write() throws Exception {
    HprofWriter writer = HprofWriter.create();
    jdk = writer.writeMinimalJdkClasses();
    loader = writer.reserveObjectId(24);
    first = writer.reserveObjectId(32);
    base =
        writer.defineClass("com.example.Base").superclass(jdk.objectClass()).classLoader(loader)
            .field("parentField", FieldType.OBJECT).field("count", FieldType.INT)
            .staticField("INSTANCE", FieldType.OBJECT, first).write();
    item =
        writer.defineClass("com.example.Item").superclass(base).classLoader(loader)
            .field("next", FieldType.OBJECT).field("name", FieldType.OBJECT)
            .constantPoolEntry(1, FieldType.OBJECT, first).write();
    itemArray = writer.defineClass("com.example.Item[]").superclass(jdk.objectClass()).classLoader(loader).write();
    nodeArrayClass = writer.defineClass("[Ljava/util/HashMap$Node;").superclass(jdk.objectClass()).write();
    intMatrixClass = writer.defineClass("[[I").superclass(jdk.objectClass()).write();
    long notReference =
        writer.defineClass("com.example.Holder").superclass(jdk.objectClass()).field("referent", FieldType.OBJECT).write();
    writer.instance(jdk.classLoaderClass()).id(loader).write();
    alpha = writer.string("alpha");
    second = writer.reserveObjectId(32);
    long parent = writer.instance(jdk.objectClass()).write();
    writer.instance(item).id(first).set("next", second).set("name", alpha).set("parentField", parent).set("count", 7).write();
    writer.instance(item).id(second).set("next", first).write();
    array = writer.objectArray(itemArray, first, 0, second);
    onlyWeak = writer.instance(jdk.objectClass()).write();
    queue = writer.instance(jdk.objectClass()).write();
    weak = writer.instance(jdk.weakReferenceClass()).set("referent", onlyWeak).set("queue", queue).write();
    fakeReferent = writer.instance(jdk.objectClass()).write();
    holder = writer.instance(notReference).set("referent", fakeReferent).write();
    lonely = writer.instance(jdk.objectClass()).write();
    bytes = writer.primitiveArray(new byte[] {1, 2, 3});
    mainClass = writer.defineClass("com.example.Main").superclass(jdk.objectClass()).write();
    long threadName = writer.string("main");
    long threadObject = writer.instance(jdk.threadClass()).set("name", threadName).write();
    var thread =
        writer.thread(
            threadObject,
            new org.hpq.testkit.StackFrameSpec(mainClass, "inner", "()V", "Main.java", 30),
            new org.hpq.testkit.StackFrameSpec(mainClass, "run", "()V", "Main.java", 12));
    writer.rootJavaFrame(array, thread.threadSerial(), 1);
    writer.rootJniLocal(holder, thread.threadSerial(), 0);
    writer.rootJniGlobal(weak, 0x1234);
    writer.rootMonitorUsed(bytes);
    dump = Dumps.open(folder, writer);
  }

  @Test
  void instanceEdgesCarryFieldLabelsAndTheClassEdge() {
    assertThat(Dumps.outbound(dump, at(dump, first)))
        .containsExactlyInAnyOrder(
            ".next -> " + hex(second),
            ".name -> " + hex(alpha),
            ".parentField -> " + hex(parentOf(first)),
            "<class> -> " + hex(item));
    assertThat(Dumps.outbound(dump, at(dump, second))).containsExactlyInAnyOrder(".next -> " + hex(first), "<class> -> " + hex(item));
  }

  @Test
  void outboundAndInboundListsAgree() {
    for (int object = 0; object < dump.objectCount(); object++) {
      List<String> fromInbound =
          Dumps.outbound(dump, object).stream().map(edge -> edge.substring(edge.indexOf(" -> ") + 4)).sorted().toList();
      assertThat(fromInbound).as("object 0x%x", dump.id(object)).isEqualTo(Dumps.outboundTargets(dump, object));
    }
    assertThat(dump.outbound().edgeCount()).isEqualTo(dump.referenceCount()).isEqualTo(dump.inbound().edgeCount());
  }

  @Test
  void classEdgesNameSuperclassLoaderStaticsAndConstantPool() {
    assertThat(Dumps.outbound(dump, at(dump, item)))
        .containsExactlyInAnyOrder(
            "<superclass> -> " + hex(base),
            "<classloader> -> " + hex(loader),
            "<constant pool> -> " + hex(first),
            "<class> -> " + hex(jdk.classClass()));
    assertThat(Dumps.outbound(dump, at(dump, base)))
        .containsExactlyInAnyOrder(
            "<superclass> -> " + hex(jdk.objectClass()),
            "<classloader> -> " + hex(loader),
            "com.example.Base.INSTANCE -> " + hex(first),
            "<class> -> " + hex(jdk.classClass()));
  }

  @Test
  void aLoaderHoldsEveryClassItDefined() {
    assertThat(Dumps.outbound(dump, at(dump, loader)))
        .containsExactlyInAnyOrder(
            "<class> -> " + hex(jdk.classLoaderClass()),
            "<defined class> -> " + hex(base),
            "<defined class> -> " + hex(item),
            "<defined class> -> " + hex(itemArray));
    JavaClass itemClass = dump.classAtOrNull(at(dump, item));
    assertThat(itemClass.loaderIndex()).isEqualTo(at(dump, loader));
    assertThat(dump.classAtOrNull(at(dump, jdk.objectClass())).loaderIndex()).isEqualTo(-1);
  }

  @Test
  void arrayEdgesAreLabelledBySlot() {
    assertThat(Dumps.outbound(dump, at(dump, array)))
        .containsExactlyInAnyOrder("[0] -> " + hex(first), "[2] -> " + hex(second), "<class> -> " + hex(itemArray));
    assertThat(Dumps.inbound(dump, at(dump, second)))
        .containsExactlyInAnyOrder(hex(first) + " .next", hex(array) + " [2]");
    assertThat(dump.edgeLabel(at(dump, array), at(dump, second))).isEqualTo("[2]");
  }

  @Test
  void onlyReferenceReferentIsWeak() {
    assertThat(Dumps.outbound(dump, at(dump, weak)))
        .containsExactlyInAnyOrder(
            ".referent -> " + hex(onlyWeak) + " (weak)", ".queue -> " + hex(queue), "<class> -> " + hex(jdk.weakReferenceClass()));
    assertThat(Dumps.outbound(dump, at(dump, holder)))
        .contains(".referent -> " + hex(fakeReferent))
        .noneMatch(edge -> edge.endsWith("(weak)"));
    long weakEdges = 0;
    for (int object = 0; object < dump.objectCount(); object++) {
      for (long p = dump.outbound().start(object); p < dump.outbound().end(object); p++) {
        weakEdges += dump.outbound().isWeak(object, p) ? 1 : 0;
      }
    }
    assertThat(weakEdges).isEqualTo(1);
  }

  @Test
  void inheritedFieldsFollowOwnFields() {
    List<FieldValue> fields = dump.fields(at(dump, first));
    assertThat(fields).extracting(value -> value.field().declaringClass() + "." + value.field().name())
        .containsExactly("com.example.Item.next", "com.example.Item.name", "com.example.Base.parentField", "com.example.Base.count");
    assertThat(fields.get(3).value()).isEqualTo(7);
    assertThat(fields.get(0).target()).isEqualTo(at(dump, second));
    JavaClass itemClass = dump.classAtOrNull(at(dump, item));
    assertThat(itemClass.fields()).extracting(FieldInfo::name).containsExactly("next", "name");
    assertThat(itemClass.superclassIndex()).isEqualTo(at(dump, base));
    assertThat(itemClass.statics()).isEmpty();
    assertThat(dump.classAtOrNull(at(dump, base)).statics())
        .containsExactly(new StaticField("INSTANCE", BasicType.OBJECT, first));
  }

  @Test
  void classNamesAreInJavaForm() {
    assertThat(dump.typeName(at(dump, bytes))).isEqualTo("byte[]");
    assertThat(dump.typeName(at(dump, array))).isEqualTo("com.example.Item[]");
    assertThat(dump.classAtOrNull(at(dump, jdk.objectArrayClass())).name()).isEqualTo("java.lang.Object[]");
    assertThat(dump.classAtOrNull(at(dump, nodeArrayClass)).name()).isEqualTo("java.util.HashMap$Node[]");
    assertThat(dump.classAtOrNull(at(dump, intMatrixClass)).name()).isEqualTo("int[][]");
    assertThat(dump.typeName(at(dump, item))).isEqualTo("java.lang.Class");
    assertThat(dump.typeName(at(dump, first))).isEqualTo("com.example.Item");
    assertThat(dump.classesNamed("com.example.Item")).extracting(JavaClass::id).containsExactly(item);
    assertThat(dump.kind(at(dump, bytes))).isEqualTo(ObjectKind.PRIMITIVE_ARRAY);
    assertThat(dump.elementType(at(dump, bytes))).isEqualTo(BasicType.BYTE);
    assertThat(dump.kind(at(dump, array))).isEqualTo(ObjectKind.OBJECT_ARRAY);
    assertThat(dump.kind(at(dump, item))).isEqualTo(ObjectKind.CLASS);
    assertThat(dump.kind(at(dump, first))).isEqualTo(ObjectKind.INSTANCE);
  }

  @Test
  void primitiveArraysGetTheirClassFromTheDump() {
    int byteArrayClass = at(dump, jdk.primitiveArrayClass(FieldType.BYTE));
    assertThat(dump.classIndex(at(dump, bytes))).isEqualTo(byteArrayClass);
    assertThat(Dumps.outbound(dump, at(dump, bytes))).containsExactly("<class> -> " + hex(jdk.primitiveArrayClass(FieldType.BYTE)));
  }

  @Test
  void rootsHaveKindsThreadsAndFrames() {
    GcRoot frameRoot = rootOf(array);
    assertThat(frameRoot.kind()).isEqualTo(RootKind.JAVA_FRAME);
    assertThat(frameRoot.threadName()).isEqualTo("main");
    assertThat(frameRoot.frame()).isEqualTo("com.example.Main.run(Main.java:12)");
    assertThat(frameRoot.label()).isEqualTo("<root: Java frame main com.example.Main.run(Main.java:12)>");
    GcRoot local = rootOf(holder);
    assertThat(local.kind()).isEqualTo(RootKind.JNI_LOCAL);
    assertThat(local.frame()).isEqualTo("com.example.Main.inner(Main.java:30)");
    assertThat(rootOf(weak).kind()).isEqualTo(RootKind.JNI_GLOBAL);
    assertThat(rootOf(bytes).kind()).isEqualTo(RootKind.MONITOR_USED);
    assertThat(rootOf(jdk.stringClass()).kind()).isEqualTo(RootKind.STICKY_CLASS);
    assertThat(dump.isRoot(at(dump, array))).isTrue();
    assertThat(dump.isRoot(at(dump, first))).isFalse();
  }

  @Test
  void reachabilityFollowsAllEdgesAndKeepsGarbage() {
    assertThat(dump.isReachable(at(dump, first))).isTrue();
    assertThat(dump.isReachable(at(dump, alpha))).isTrue();
    assertThat(dump.isReachable(at(dump, onlyWeak))).as("reachable through a weak edge only").isTrue();
    assertThat(dump.isReachable(at(dump, loader))).as("through a class's <classloader>").isTrue();
    assertThat(dump.isReachable(at(dump, lonely))).isFalse();
    assertThat(dump.indexOf(lonely)).isNotNegative();
    List<String> unreachable = new java.util.ArrayList<>();
    for (int object = 0; object < dump.objectCount(); object++) {
      if (!dump.isReachable(object)) {
        unreachable.add(hex(dump.id(object)));
      }
    }
    // The boot loader (loader id 0) never unloads a class, so its classes are roots even without
    // a ROOT STICKY CLASS record (HotSpot writes none for array classes).
    assertThat(unreachable).containsExactly(hex(lonely));
    for (long bootClass : new long[] {nodeArrayClass, intMatrixClass, mainClass}) {
      assertThat(rootOf(bootClass).kind()).isEqualTo(RootKind.STICKY_CLASS);
      assertThat(rootOf(bootClass).label()).isEqualTo("<root: sticky class>");
    }
    assertThat(dump.isRoot(at(dump, itemArray))).as("defined by a class loader, not the boot loader").isFalse();
  }

  private static long parentOf(long instance) {
    for (FieldValue value : dump.fields(at(dump, instance))) {
      if (value.field().name().equals("parentField")) {
        return value.bits();
      }
    }
    throw new AssertionError("no parentField");
  }

  private static GcRoot rootOf(long id) {
    int object = at(dump, id);
    return dump.roots().stream().filter(root -> root.object() == object).findFirst()
        .orElseThrow(() -> new AssertionError("no root for " + hex(id)));
  }

  static String hex(long id) {
    return "0x" + Long.toHexString(id);
  }
}
