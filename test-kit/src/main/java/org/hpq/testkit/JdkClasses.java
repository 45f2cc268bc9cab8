package org.hpq.testkit;

import java.util.EnumMap;
import java.util.Map;

/**
 * The class ids written by {@link HprofWriter#writeMinimalJdkClasses(StringLayout)}.
 *
 * <p>Written, all with loader 0 (bootstrap), a LOAD CLASS each and a ROOT STICKY CLASS each (as
 * HotSpot roots boot classes), fields in HotSpot's dump order:
 *
 * <ul>
 *   <li>{@code java.lang.Object} (no superclass, no fields);
 *   <li>{@code java.lang.Class {Object classLoader; Object name}};
 *   <li>{@code java.lang.String}: compact {@code {boolean hashIsZero; int hash; byte coder;
 *       Object value}} plus static {@code boolean COMPACT_STRINGS = true}, or char-array {@code
 *       {int hash; Object value}};
 *   <li>{@code java.lang.ClassLoader {Object name; Object parent}};
 *   <li>{@code java.lang.Thread {Object name; int priority; boolean daemon; long tid}};
 *   <li>{@code java.lang.ref.Reference {Object discovered; Object next; Object queue; Object
 *       referent}}, and its subclasses {@code WeakReference}, {@code SoftReference {long
 *       timestamp}} (static {@code long clock}) and {@code PhantomReference};
 *   <li>array classes {@code [Z [C [F [D [B [S [I [J [Ljava/lang/Object; [Ljava/lang/String;},
 *       each with superclass Object and no fields.
 * </ul>
 *
 * @param objectClass {@code java.lang.Object}
 * @param classClass {@code java.lang.Class}
 * @param stringClass {@code java.lang.String}
 * @param classLoaderClass {@code java.lang.ClassLoader}
 * @param threadClass {@code java.lang.Thread}
 * @param referenceClass {@code java.lang.ref.Reference}
 * @param weakReferenceClass {@code java.lang.ref.WeakReference}
 * @param softReferenceClass {@code java.lang.ref.SoftReference}
 * @param phantomReferenceClass {@code java.lang.ref.PhantomReference}
 * @param objectArrayClass {@code [Ljava/lang/Object;}
 * @param stringArrayClass {@code [Ljava/lang/String;}
 * @param primitiveArrayClasses {@code [I} and friends, by element type
 */
public record JdkClasses(
    long objectClass,
    long classClass,
    long stringClass,
    long classLoaderClass,
    long threadClass,
    long referenceClass,
    long weakReferenceClass,
    long softReferenceClass,
    long phantomReferenceClass,
    long objectArrayClass,
    long stringArrayClass,
    Map<FieldType, Long> primitiveArrayClasses) {

  /** Copies the map. */
  public JdkClasses {
    primitiveArrayClasses = Map.copyOf(primitiveArrayClasses);
  }

  /** The class id of the primitive array class with element type {@code type}. */
  public long primitiveArrayClass(FieldType type) {
    Long id = primitiveArrayClasses.get(type);
    if (id == null) {
      throw new IllegalArgumentException("no primitive array class for " + type);
    }
    return id;
  }

  static JdkClasses write(HprofWriter writer, StringLayout layout) {
    long object = sticky(writer, writer.defineClass("java.lang.Object").write());
    long classClass =
        sticky(writer, writer.defineClass("java.lang.Class").superclass(object)
            .field("classLoader", FieldType.OBJECT).field("name", FieldType.OBJECT).write());
    ClassBuilder string = writer.defineClass("java.lang.String").superclass(object);
    if (layout == StringLayout.COMPACT) {
      string.staticField("COMPACT_STRINGS", FieldType.BOOLEAN, true)
          .field("hashIsZero", FieldType.BOOLEAN).field("hash", FieldType.INT)
          .field("coder", FieldType.BYTE).field("value", FieldType.OBJECT);
    } else {
      string.field("hash", FieldType.INT).field("value", FieldType.OBJECT);
    }
    long stringClass = sticky(writer, string.write());
    long loader =
        sticky(writer, writer.defineClass("java.lang.ClassLoader").superclass(object)
            .field("name", FieldType.OBJECT).field("parent", FieldType.OBJECT).write());
    long thread =
        sticky(writer, writer.defineClass("java.lang.Thread").superclass(object)
            .field("name", FieldType.OBJECT).field("priority", FieldType.INT)
            .field("daemon", FieldType.BOOLEAN).field("tid", FieldType.LONG).write());
    long reference =
        sticky(writer, writer.defineClass("java.lang.ref.Reference").superclass(object)
            .field("discovered", FieldType.OBJECT).field("next", FieldType.OBJECT)
            .field("queue", FieldType.OBJECT).field("referent", FieldType.OBJECT).write());
    long weak = sticky(writer, writer.defineClass("java.lang.ref.WeakReference").superclass(reference).write());
    long soft =
        sticky(writer, writer.defineClass("java.lang.ref.SoftReference").superclass(reference)
            .staticField("clock", FieldType.LONG, 0L).field("timestamp", FieldType.LONG).write());
    long phantom = sticky(writer, writer.defineClass("java.lang.ref.PhantomReference").superclass(reference).write());
    Map<FieldType, Long> primitiveArrays = new EnumMap<>(FieldType.class);
    for (FieldType type : FieldType.values()) {
      if (type != FieldType.OBJECT) {
        primitiveArrays.put(type, sticky(writer, writer.defineClass(type.arrayClassName()).superclass(object).write()));
      }
    }
    long objectArray = sticky(writer, writer.defineClass("java.lang.Object[]").superclass(object).write());
    long stringArray = sticky(writer, writer.defineClass("java.lang.String[]").superclass(object).write());
    return new JdkClasses(object, classClass, stringClass, loader, thread, reference, weak, soft,
        phantom, objectArray, stringArray, primitiveArrays);
  }

  private static long sticky(HprofWriter writer, long classId) {
    writer.rootStickyClass(classId);
    return classId;
  }
}
