package org.hpq.hprof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hpq.hprof.Dumps.at;

import java.nio.file.Path;
import org.hpq.testkit.ClassBuilder;
import org.hpq.testkit.FieldType;
import org.hpq.testkit.HprofVersion;
import org.hpq.testkit.HprofWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shallow sizes of the classes whose HotSpot layout the dump does not describe. The classes carry
 * the fields HotSpot 17 and 25 dump for them; the expected sizes are what {@code
 * GC.class_histogram} reported for them on those JDKs (see {@code docs/notes/real-dumps.md}).
 */
class HotSpotSizesTest {
  @TempDir Path folder;

  private static final String[] JDK17_THREAD = {
      "threadLocalRandomSecondarySeed:I", "threadLocalRandomProbe:I", "threadLocalRandomSeed:J",
      "uncaughtExceptionHandler:L", "blockerLock:L", "blocker:L", "parkBlocker:L", "threadStatus:I", "tid:J",
      "stackSize:J", "inheritableThreadLocals:L", "threadLocals:L", "inheritedAccessControlContext:L",
      "contextClassLoader:L", "group:L", "target:L", "eetop:J", "stillborn:Z", "interrupted:Z", "daemon:Z",
      "priority:I", "name:L"};
  private static final String[] JDK25_THREAD = {
      "eetop:J", "tid:J", "name:L", "interrupted:Z", "contextClassLoader:L", "holder:L", "threadLocals:L",
      "inheritableThreadLocals:L", "scopedValueBindings:L", "interruptLock:L", "parkBlocker:L", "nioBlocker:L",
      "cont:L", "uncaughtExceptionHandler:L", "threadLocalRandomSeed:J", "threadLocalRandomProbe:I",
      "threadLocalRandomSecondarySeed:I", "container:L", "headStackableScopes:L"};
  private static final String[] JDK17_CLASS = {
      "classValueMap:L", "annotationType:L", "annotationData:L", "enumConstantDirectory:L", "enumConstants:L",
      "genericInfo:L", "classRedefinedCount:I", "reflectionData:L", "componentType:L", "packageName:L",
      "classData:L", "classLoader:L", "module:L", "name:L", "cachedConstructor:L"};
  private static final String[] JDK25_CLASS = {
      "cachedConstructor:L", "name:L", "module:L", "classLoader:L", "classData:L", "signers:L", "modifiers:C",
      "primitive:Z", "packageName:L", "componentType:L", "protectionDomain:L", "reflectionData:L",
      "classRedefinedCount:I", "genericInfo:L", "enumConstants:L", "enumConstantDirectory:L", "annotationData:L",
      "annotationType:L", "classValueMap:L"};

  /** Sizes measured with compressed oops (and without, where the second value is not 0). */
  private record Expected(String className, long compressed, long wide) {}

  @Test
  void jdk17ThreadsHaveContendedPaddingAndSubclassesStartAfterIt() throws Exception {
    check(HprofVersion.V1_0_2, JDK17_THREAD, JDK17_CLASS, new Expected("java.lang.Thread", 368, 408),
        new Expected("java.lang.ref.Finalizer$FinalizerThread", 376, 416), new Expected("java.lang.Class", 112, 176),
        new Expected("java.lang.ClassLoader", 24, 24), new Expected("java.lang.invoke.ResolvedMethodName", 24, 32));
  }

  @Test
  void jdk25ThreadsHaveInjectedJvmtiFields() throws Exception {
    check(HprofVersion.V1_0_2, JDK25_THREAD, JDK25_CLASS, new Expected("java.lang.Thread", 112, 0),
        new Expected("java.lang.ref.Finalizer$FinalizerThread", 120, 0), new Expected("java.lang.Class", 120, 0),
        new Expected("java.lang.invoke.ResolvedMethodName", 24, 0));
  }

  @Test
  void androidDumpsGetNoHotSpotLayout() throws Exception {
    check(HprofVersion.V1_0_3, JDK17_THREAD, JDK17_CLASS, new Expected("java.lang.Thread", 112, 0),
        new Expected("java.lang.ref.Finalizer$FinalizerThread", 112, 0), new Expected("java.lang.ClassLoader", 16, 0));
  }

  private void check(HprofVersion version, String[] thread, String[] classFields, Expected... expected) throws Exception {
    for (boolean compressed : new boolean[] {true, false}) {
      HprofWriter writer = HprofWriter.create(version, 8);
      long object = writer.defineClass("java/lang/Object").write();
      long threadClass = withFields(writer.defineClass("java/lang/Thread").superclass(object), thread).write();
      long finalizer = writer.defineClass("java/lang/ref/Finalizer$FinalizerThread").superclass(threadClass)
          .field("running", FieldType.BOOLEAN).write();
      long classClass = withFields(writer.defineClass("java/lang/Class").superclass(object), classFields).write();
      long loader = writer.defineClass("java/lang/ClassLoader").superclass(object).write();
      boolean vmholderField = classFields == JDK25_CLASS;
      long resolved = withFields(writer.defineClass("java/lang/invoke/ResolvedMethodName").superclass(object),
          vmholderField ? new String[] {"vmholder:L"} : new String[0]).write();
      long[] instances = {
          writer.instance(threadClass).write(), writer.instance(finalizer).write(), writer.instance(classClass).write(),
          writer.instance(loader).write(), writer.instance(resolved).write()};
      String[] names = {"java.lang.Thread", "java.lang.ref.Finalizer$FinalizerThread", "java.lang.Class",
          "java.lang.ClassLoader", "java.lang.invoke.ResolvedMethodName"};
      SizeModel model = compressed ? SizeModel.COMPRESSED : SizeModel.WIDE_REFERENCES;
      Path file = Dumps.write(folder.resolve(version + "-" + compressed), writer.toBytes());
      try (HeapDump dump = HeapDump.open(file, Dumps.options(folder.resolve(version + "-" + compressed), Strictness.STRICT)
          .withSizeModel(model))) {
        for (Expected row : expected) {
          long size = compressed ? row.compressed() : row.wide();
          if (size == 0) {
            continue;
          }
          int i = java.util.Arrays.asList(names).indexOf(row.className());
          assertThat(dump.shallowSize(at(dump, instances[i]))).as("%s %s, %s", version, row.className(), model)
              .isEqualTo(size);
        }
      }
    }
  }

  private static ClassBuilder withFields(ClassBuilder builder, String[] fields) {
    for (String field : fields) {
      String[] parts = field.split(":");
      FieldType type = switch (parts[1]) {
        case "I" -> FieldType.INT;
        case "J" -> FieldType.LONG;
        case "Z" -> FieldType.BOOLEAN;
        case "C" -> FieldType.CHAR;
        default -> FieldType.OBJECT;
      };
      builder.field(parts[0], type);
    }
    return builder;
  }
}
