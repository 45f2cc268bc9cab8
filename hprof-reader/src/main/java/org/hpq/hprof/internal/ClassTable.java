package org.hpq.hprof.internal;

import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hpq.hprof.BasicType;
import org.hpq.hprof.FieldInfo;
import org.hpq.hprof.JavaClass;
import org.hpq.hprof.SizeModel;

/**
 * Every class of a dump by the object index of its class object, with the layouts used to read
 * instances, the primitive array classes, and the classes each loader defined.
 */
public final class ClassTable {
  private final Int2ObjectOpenHashMap<JavaClass> classes;
  private final Int2ObjectOpenHashMap<ClassLayout> layouts;
  private final Map<String, List<JavaClass>> byName = new HashMap<>();
  private final int[] primitiveArrayClasses = new int[12];
  private final int classClass;
  private final Int2ObjectOpenHashMap<int[]> definedClasses = new Int2ObjectOpenHashMap<>();
  private static final int[] NONE = {};
  private final int wordSize;
  private final boolean hotSpot;

  /**
   * @param wordSize bytes of a machine word (the dump's id size)
   * @param hotSpot whether to size mirrors as HotSpot lays them out ({@link HotSpotLayout})
   */
  ClassTable(
      Int2ObjectOpenHashMap<JavaClass> classes, Int2ObjectOpenHashMap<ClassLayout> layouts, int wordSize, boolean hotSpot) {
    this.classes = classes;
    this.layouts = layouts;
    this.wordSize = wordSize;
    this.hotSpot = hotSpot;
    java.util.Arrays.fill(primitiveArrayClasses, -1);
    int found = -1;
    Int2ObjectOpenHashMap<IntArrayList> byLoader = new Int2ObjectOpenHashMap<>();
    for (JavaClass javaClass : classes.values()) {
      byName.computeIfAbsent(javaClass.name(), k -> new ArrayList<>(1)).add(javaClass);
      if (javaClass.name().equals("java.lang.Class")) {
        found = javaClass.objectIndex();
      }
      for (BasicType type : BasicType.values()) {
        if (type != BasicType.OBJECT && javaClass.name().equals(type.javaName() + "[]")) {
          primitiveArrayClasses[type.tag()] = javaClass.objectIndex();
        }
      }
      if (javaClass.loaderIndex() >= 0) {
        byLoader.computeIfAbsent(javaClass.loaderIndex(), k -> new IntArrayList()).add(javaClass.objectIndex());
      }
    }
    classClass = found;
    byLoader.forEach((loader, list) -> {
      int[] sorted = list.toIntArray();
      java.util.Arrays.sort(sorted);
      definedClasses.put((int) loader, sorted);
    });
  }

  /** The class whose class object has index {@code index}, or null. */
  public JavaClass classOrNull(int index) {
    return classes.get(index);
  }

  public ClassLayout layout(int index) {
    return layouts.get(index);
  }

  /** The largest shallow size of an instance of any class (0 when there is no class). */
  public long largestInstanceSize() {
    long largest = 0;
    for (ClassLayout layout : layouts.values()) {
      largest = Math.max(largest, layout.shallowSize());
    }
    return largest;
  }

  public Collection<JavaClass> classes() {
    return classes.values();
  }

  /** Classes named {@code name} (several when loaded by several loaders); empty if none. */
  public List<JavaClass> byName(String name) {
    return byName.getOrDefault(name, List.of());
  }

  /** Object index of the class of primitive arrays of basic type {@code tag}, or -1. */
  public int primitiveArrayClass(int tag) {
    return primitiveArrayClasses[tag];
  }

  /** Object index of {@code java.lang.Class}, or -1. */
  public int classClass() {
    return classClass;
  }

  /** Object indexes of the classes defined by the loader object {@code loader}, ascending. */
  public int[] definedBy(int loader) {
    int[] defined = definedClasses.get(loader);
    return defined == null ? NONE : defined;
  }

  /**
   * Shallow size of a class object: for HotSpot dumps as {@link HotSpotLayout#mirrorSize}, else
   * the header, the dumped {@code java.lang.Class} fields and every static field, aligned.
   */
  public long mirrorSize(JavaClass javaClass, SizeModel model) {
    JavaClass mirror = classes.get(classClass);
    if (hotSpot) {
      return HotSpotLayout.mirrorSize(mirror, javaClass, model, wordSize);
    }
    long bytes = 0;
    if (mirror != null) {
      for (FieldInfo field : mirror.allFields()) {
        bytes += model.sizeOf(field.type());
      }
    }
    for (var field : javaClass.statics()) {
      bytes += model.sizeOf(field.type());
    }
    return model.instanceSize(bytes);
  }
}
