package org.hpq.hprof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hpq.hprof.Dumps.at;

import java.nio.file.Path;
import java.util.List;
import org.hpq.testkit.FieldType;
import org.hpq.testkit.HprofWriter;
import org.hpq.testkit.StackFrameSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Objects the VM holds through things HPROF does not write, on a hand-made HotSpot-like dump: the
 * boot loader's classes, the instance fields of class mirrors ({@code .name}, {@code
 * .reflectionData}, {@code .classData}), running threads hidden from external view, and the
 * launcher's copy of the main class's name. Each rule must apply only when its match is
 * unambiguous, and leave everything else unreachable.
 */
class VmHeldObjectsTest {
  @TempDir static Path folder;
  static HeapDump dump;
  static Path file;

  static long widget;
  static long gadgetArray;
  static long twice;
  static long shared;
  static long otherShared;
  static long main;
  static long hidden;
  static long fieldArrayClass;
  static long widgetName;
  static long heldWidgetName;
  static long gadgetArrayName;
  static long[] twiceNames;
  static long sharedName;
  static long mainNameFirst;
  static long mainNameSecond;
  static long reflectionSoftReference;
  static long mixedSoftReference;
  static long classData;
  static long serviceThread;
  static long deadThread;
  static long mainThread;

  @BeforeAll
  static void write() throws Exception {
    HprofWriter writer = HprofWriter.create();
    long object = writer.defineClass("java/lang/Object").write();
    writer.defineClass("java/lang/Class").superclass(object)
        .field("classLoader", FieldType.OBJECT).field("name", FieldType.OBJECT).write();
    long string = writer.defineClass("java/lang/String").superclass(object).field("hashIsZero", FieldType.BOOLEAN)
        .field("hash", FieldType.INT).field("coder", FieldType.BYTE).field("value", FieldType.OBJECT).write();
    writer.defineClass("[B").superclass(object).write();
    long objectArrayClass = writer.defineClass("[Ljava/lang/Object;").superclass(object).write();
    long thread = writer.defineClass("java/lang/Thread").superclass(object)
        .field("name", FieldType.OBJECT).field("eetop", FieldType.LONG).write();
    long reference = writer.defineClass("java/lang/ref/Reference").superclass(object)
        .field("referent", FieldType.OBJECT).write();
    long soft = writer.defineClass("java/lang/ref/SoftReference").superclass(reference).write();
    long reflectionData = writer.defineClass("java/lang/Class$ReflectionData").superclass(object)
        .field("declaredFields", FieldType.OBJECT).field("publicFields", FieldType.OBJECT).write();
    long field = writer.defineClass("java/lang/reflect/Field").superclass(object).field("clazz", FieldType.OBJECT).write();
    fieldArrayClass = writer.defineClass("[Ljava/lang/reflect/Field;").superclass(object).write();
    long list12 = writer.defineClass("java/util/ImmutableCollections$List12").superclass(object)
        .field("e0", FieldType.OBJECT).field("e1", FieldType.OBJECT).write();
    long lambdaForm = writer.defineClass("java/lang/invoke/LambdaForm").superclass(object)
        .field("vmentry", FieldType.OBJECT).write();
    long memberName = writer.defineClass("java/lang/invoke/MemberName").superclass(object)
        .field("clazz", FieldType.OBJECT).write();
    hidden = writer.defineClass("java/lang/invoke/LambdaForm$MH+0x0000000800001000").superclass(object).write();
    long loaderClass = writer.defineClass("com/example/AppLoader").superclass(object).write();
    long appLoader = writer.reserveObjectId();
    long otherLoader = writer.reserveObjectId();
    widget = writer.defineClass("com/example/Widget").superclass(object).classLoader(appLoader).write();
    gadgetArray = writer.defineClass("[Lcom/example/Gadget;").superclass(object).classLoader(appLoader).write();
    twice = writer.defineClass("com/example/Twice").superclass(object).classLoader(appLoader).write();
    shared = writer.defineClass("com/example/Shared").superclass(object).classLoader(appLoader).write();
    otherShared = writer.defineClass("com/example/Shared").superclass(object).classLoader(otherLoader).write();
    main = writer.defineClass("com/example/Main").superclass(object).classLoader(appLoader).write();
    writer.instance(loaderClass).id(appLoader).write();
    writer.instance(loaderClass).id(otherLoader).write();
    writer.rootJniGlobal(appLoader, 1);
    writer.rootJniGlobal(otherLoader, 2);
    // HotSpot writes sticky-class roots for the boot loader's instance classes only; here for two.
    writer.rootStickyClass(object);
    writer.rootStickyClass(string);

    widgetName = writer.string("com.example.Widget");
    heldWidgetName = writer.string("com.example.Widget");
    writer.rootJniGlobal(writer.objectArray(objectArrayClass, heldWidgetName), 3);
    gadgetArrayName = writer.string("[Lcom.example.Gadget;");
    twiceNames = new long[] {writer.string("com.example.Twice"), writer.string("com.example.Twice")};
    sharedName = writer.string("com.example.Shared");
    mainNameFirst = writer.string("com.example.Main");
    mainNameSecond = writer.string("com.example.Main");

    long widgetField = writer.instance(field).set("clazz", widget).write();
    long declared = writer.objectArray(fieldArrayClass, widgetField);
    long data = writer.instance(reflectionData).set("declaredFields", declared).write();
    reflectionSoftReference = writer.instance(soft).set("referent", data).write();
    long mixed = writer.objectArray(fieldArrayClass,
        writer.instance(field).set("clazz", widget).write(), writer.instance(field).set("clazz", main).write());
    mixedSoftReference =
        writer.instance(soft).set("referent", writer.instance(reflectionData).set("declaredFields", mixed).write()).write();

    long entry = writer.instance(memberName).set("clazz", hidden).write();
    long form = writer.instance(lambdaForm).set("vmentry", entry).write();
    classData = writer.instance(list12).set("e0", form).write();

    serviceThread = writer.instance(thread).set("name", writer.string("Service Thread")).set("eetop", 0x7f0012345000L).write();
    deadThread = writer.instance(thread).set("name", writer.string("Finished")).set("eetop", 0L).write();
    mainThread = writer.instance(thread).set("name", writer.string("main")).set("eetop", 0x7f00aaaa0000L).write();
    writer.thread(mainThread, StackFrameSpec.of(main, "run", 12), StackFrameSpec.of(main, "main", 5));
    file = Dumps.write(folder, writer.toBytes());
    dump = HeapDump.open(file, Dumps.options(folder, Strictness.STRICT));
  }

  @AfterAll
  static void close() throws Exception {
    dump.close();
  }

  @Test
  void bootLoaderClassesAreStickyRoots() {
    assertThat(rootLabels(fieldArrayClass)).containsExactly("<root: sticky class>");
    assertThat(rootLabels(hidden)).containsExactly("<root: sticky class>");
    assertThat(dump.isRoot(at(dump, widget))).as("defined by a class loader object").isFalse();
    assertThat(dump.isReachable(at(dump, widget))).as("through its loader").isTrue();
  }

  @Test
  void anUnreferencedStringNamingOneClassIsThatClassesName() {
    assertThat(Dumps.outbound(dump, at(dump, widget))).contains(".name -> " + hex(widgetName));
    assertThat(Dumps.outbound(dump, at(dump, gadgetArray))).as("Class.getName() spells arrays [L...;")
        .contains(".name -> " + hex(gadgetArrayName));
    assertThat(dump.isReachable(at(dump, widgetName))).isTrue();
    // Held only by the implied edge: the class dominates its name.
    assertThat(dump.dominatorTree().immediateDominator(at(dump, widgetName))).isEqualTo(at(dump, widget));
    assertThat(Dumps.outbound(dump, at(dump, widget))).as("a String with a referrer is not the name")
        .doesNotContain(".name -> " + hex(heldWidgetName));
  }

  @Test
  void ambiguousNamesGetNoEdge() {
    for (long name : twiceNames) {
      assertThat(dump.isReachable(at(dump, name))).as("two unreferenced copies of one class name").isFalse();
    }
    assertThat(dump.isReachable(at(dump, sharedName))).as("a name two classes share").isFalse();
    for (long holder : new long[] {twice, shared, otherShared}) {
      assertThat(Dumps.outbound(dump, at(dump, holder))).noneMatch(edge -> edge.startsWith(".name"));
    }
  }

  @Test
  void theLauncherKeepsItsOwnCopyOfTheMainClassName() {
    assertThat(Dumps.outbound(dump, at(dump, main))).contains(".name -> " + hex(mainNameSecond));
    assertThat(rootLabels(mainNameFirst)).containsExactly("<root: JNI local main>");
  }

  @Test
  void reflectionDataAndClassDataHangFromTheirClass() {
    assertThat(Dumps.outbound(dump, at(dump, widget))).contains(".reflectionData -> " + hex(reflectionSoftReference));
    assertThat(dump.isReachable(at(dump, mixedSoftReference))).as("members of two classes").isFalse();
    assertThat(dump.classAtOrNull(at(dump, hidden)).name()).isEqualTo("java.lang.invoke.LambdaForm$MH/0x0000000800001000");
    assertThat(Dumps.outbound(dump, at(dump, hidden))).contains(".classData -> " + hex(classData));
    assertThat(dump.isReachable(at(dump, classData))).isTrue();
  }

  @Test
  void runningThreadsWithoutARootBecomeThreadObjectRoots() {
    assertThat(rootLabels(serviceThread)).containsExactly("<root: thread object Service Thread>");
    assertThat(dump.isReachable(at(dump, deadThread))).as("eetop 0: the thread has ended").isFalse();
    assertThat(rootLabels(mainThread)).containsExactly("<root: thread object main>");
  }

  @Test
  void nothingElseIsReachable() {
    List<String> unreachable = new java.util.ArrayList<>();
    for (int object = 0; object < dump.objectCount(); object++) {
      if (!dump.isReachable(object) && dump.kind(object) == ObjectKind.INSTANCE) {
        unreachable.add(dump.typeName(object));
      }
    }
    unreachable.sort(null);
    // The two Twice names, the Shared name, the dead thread and its name, the mixed reflection data.
    assertThat(unreachable).containsExactly("java.lang.Class$ReflectionData", "java.lang.String", "java.lang.String",
        "java.lang.String", "java.lang.String", "java.lang.Thread", "java.lang.ref.SoftReference",
        "java.lang.reflect.Field", "java.lang.reflect.Field");
  }

  @Test
  void theStoredIndexKeepsImpliedRootsAndEdges() throws Exception {
    try (HeapDump again = HeapDump.open(file, Dumps.options(folder, Strictness.STRICT))) {
      assertThat(again.roots()).isEqualTo(dump.roots());
      assertThat(Dumps.outbound(again, at(again, widget))).isEqualTo(Dumps.outbound(dump, at(dump, widget)));
      assertThat(again.shallowSize(at(again, hidden))).isEqualTo(dump.shallowSize(at(dump, hidden)));
    }
  }

  private static List<String> rootLabels(long id) {
    int object = at(dump, id);
    return dump.roots().stream().filter(root -> root.object() == object).map(GcRoot::label).toList();
  }

  private static String hex(long id) {
    return "0x" + Long.toHexString(id);
  }
}
