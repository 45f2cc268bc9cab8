package org.hpq.hprof.internal;

import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.IntPredicate;
import org.hpq.hprof.FieldValue;
import org.hpq.hprof.GcRoot;
import org.hpq.hprof.JavaClass;
import org.hpq.hprof.RootKind;
import org.hpq.hprof.store.IntArray;

/**
 * GC roots the VM has but HotSpot's dumper does not write. Two rules:
 *
 * <ul>
 *   <li><b>Boot-loader classes.</b> The boot loader never unloads a class, but HotSpot writes ROOT
 *       STICKY CLASS only for its instance classes. Every class dump with loader id 0 (array
 *       classes included) that has no sticky-class root gets one: {@code <root: sticky class>}.
 *   <li><b>Hidden JVM threads.</b> Threads hidden from external view ("Service Thread", "Monitor
 *       Deflation Thread", ...) get no ROOT THREAD OBJECT. A {@code java.lang.Thread} (or subclass)
 *       instance with no referrer, no thread-object root, and a non-zero {@code eetop} (the VM's
 *       thread pointer, set while the thread runs) becomes a thread-object root labelled with its
 *       name: {@code <root: thread object Service Thread>}. A dead thread has {@code eetop} 0, so
 *       the garbage of an {@code -all} dump stays unreachable.
 * </ul>
 */
final class ImpliedRoots {
  /** Class indexes read at a time in the pass over all objects. */
  private static final int CHUNK = 1 << 14;

  private final ScanResult scan;
  private final IdIndex ids;
  private final ClassTable classes;
  private final IntArray classOf;
  private final FieldReader fields;
  private final IntPredicate hasReferrer;

  /** @param hasReferrer whether an object has an inbound edge (implied edges included) */
  ImpliedRoots(
      ScanResult scan, IdIndex ids, ClassTable classes, IntArray classOf, FieldReader fields, IntPredicate hasReferrer) {
    this.scan = scan;
    this.ids = ids;
    this.classes = classes;
    this.classOf = classOf;
    this.fields = fields;
    this.hasReferrer = hasReferrer;
  }

  /** The implied roots that {@code written} (the dump's own roots) lacks: boot classes first, then threads. */
  List<GcRoot> find(List<GcRoot> written, int count) {
    IntOpenHashSet sticky = new IntOpenHashSet();
    IntOpenHashSet threadObjects = new IntOpenHashSet();
    for (GcRoot root : written) {
      if (root.kind() == RootKind.STICKY_CLASS) {
        sticky.add(root.object());
      } else if (root.kind() == RootKind.THREAD_OBJECT) {
        threadObjects.add(root.object());
      }
    }
    List<GcRoot> roots = new ArrayList<>();
    IntOpenHashSet bootClasses = new IntOpenHashSet();
    for (ClassDumpRecord record : scan.classDumps) {
      int index = ids.indexOf(record.classId());
      if (record.loaderId() == 0 && index >= 0 && classes.classOrNull(index) != null && !sticky.contains(index)
          && bootClasses.add(index)) {
        roots.add(new GcRoot(RootKind.STICKY_CLASS, index, -1, null, null));
      }
    }
    roots.sort(java.util.Comparator.comparingInt(GcRoot::object));
    BitSet threadClasses = threadClasses();
    if (threadClasses.isEmpty()) {
      return roots;
    }
    int[] types = new int[CHUNK];
    for (int first = 0; first < count; first += CHUNK) {
      if (Thread.interrupted()) {
        throw new CancelledException();
      }
      int length = Math.min(CHUNK, count - first);
      classOf.get(first, types, 0, length);
      for (int k = 0; k < length; k++) {
        int type = types[k];
        int object = first + k;
        if (type >= 0 && threadClasses.get(type) && !threadObjects.contains(object) && !hasReferrer.test(object)) {
          addIfRunning(object, roots);
        }
      }
    }
    return roots;
  }

  /** Adds a thread-object root for {@code object} when its {@code eetop} says it runs. */
  private void addIfRunning(int object, List<GcRoot> roots) {
    long threadPointer = 0;
    String name = null;
    for (FieldValue field : fields.fields(object)) {
      if (field.field().name().equals("eetop") && field.field().declaringClass().equals("java.lang.Thread")) {
        threadPointer = field.bits();
      } else if (field.field().name().equals("name") && field.field().declaringClass().equals("java.lang.Thread")
          && field.target() >= 0) {
        name = fields.stringValue(field.target());
      }
    }
    if (threadPointer != 0) {
      roots.add(new GcRoot(RootKind.THREAD_OBJECT, object, -1, name, null));
    }
  }

  /** The class indexes of {@code java.lang.Thread} and its subclasses. */
  private BitSet threadClasses() {
    BitSet threads = new BitSet();
    for (JavaClass javaClass : classes.classes()) {
      int depth = 0;
      for (JavaClass current = javaClass; current != null && depth < 1000; depth++) {
        if (current.name().equals("java.lang.Thread") && javaClass.objectIndex() >= 0) {
          threads.set(javaClass.objectIndex());
          break;
        }
        current = current.superclassIndex() < 0 ? null : classes.classOrNull(current.superclassIndex());
      }
    }
    return threads;
  }
}
