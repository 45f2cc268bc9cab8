package org.hpq.hprof.realdumps;

import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.hpq.hprof.FieldValue;
import org.hpq.hprof.HeapDump;
import org.hpq.hprof.JavaClass;
import org.hpq.hprof.ObjectKind;
import org.hpq.hprof.graph.Csr;

/**
 * Sorts the unreachable objects of a dump by {@link UnreachableCause}: finds the heads (objects
 * with no referrer, and boot-loader class objects), gives each head a cause, then gives every
 * unreachable object the cause of the first head (in cause order) that reaches it through
 * unreachable objects. Objects reached from no head are {@link UnreachableCause#OTHER}.
 */
final class UnreachableCauses {
  private final Map<UnreachableCause, Map<String, Tally>> byCause = new EnumMap<>(UnreachableCause.class);
  private final UnreachableCause[] causes;

  private UnreachableCauses(UnreachableCause[] causes) {
    this.causes = causes;
  }

  /** Classifies the unreachable objects of {@code dump}. */
  static UnreachableCauses of(HeapDump dump) {
    int count = dump.objectCount();
    UnreachableCause[] causes = new UnreachableCause[count];
    Set<String> classNames = new HashSet<>();
    for (JavaClass javaClass : dump.classes()) {
      classNames.add(javaClass.name());
    }
    Map<UnreachableCause, ArrayDeque<Integer>> heads = new EnumMap<>(UnreachableCause.class);
    for (int object = 0; object < count; object++) {
      if (dump.isReachable(object)) {
        continue;
      }
      UnreachableCause cause = headCause(dump, object, classNames);
      if (cause != null) {
        heads.computeIfAbsent(cause, k -> new ArrayDeque<>()).add(object);
      }
    }
    Csr outbound = dump.outbound();
    for (UnreachableCause cause : UnreachableCause.values()) {
      ArrayDeque<Integer> queue = heads.getOrDefault(cause, new ArrayDeque<>());
      queue.removeIf(head -> causes[head] != null);
      queue.forEach(head -> causes[head] = cause);
      while (!queue.isEmpty()) {
        int object = queue.poll();
        for (long p = outbound.start(object), end = outbound.end(object); p < end; p++) {
          int target = outbound.neighbour(object, p);
          if (!dump.isReachable(target) && causes[target] == null) {
            causes[target] = cause;
            queue.add(target);
          }
        }
      }
    }
    UnreachableCauses result = new UnreachableCauses(causes);
    for (int object = 0; object < count; object++) {
      if (!dump.isReachable(object)) {
        if (causes[object] == null) {
          causes[object] = UnreachableCause.OTHER;
        }
        result.byCause.computeIfAbsent(causes[object], k -> new TreeMap<>())
            .merge(dump.typeName(object),
                Tally.ZERO.plus(dump.shallowSize(object)), Tally::plus);
      }
    }
    return result;
  }

  private static UnreachableCause headCause(HeapDump dump, int object, Set<String> classNames) {
    if (dump.kind(object) == ObjectKind.CLASS) {
      JavaClass javaClass = dump.classAtOrNull(object);
      if (javaClass != null && javaClass.loaderIndex() < 0) {
        return UnreachableCause.BOOT_CLASS;
      }
    }
    if (dump.inbound().end(object) > dump.inbound().start(object)) {
      return null;
    }
    String type = dump.typeName(object);
    switch (type) {
      case "java.lang.String" -> {
        String text = dump.stringValue(object);
        return text != null && classNames.contains(text) ? UnreachableCause.CLASS_NAME_STRING : UnreachableCause.OTHER;
      }
      case "java.lang.ref.SoftReference" -> {
        return referentType(dump, object, "referent").equals("java.lang.Class$ReflectionData")
            ? UnreachableCause.REFLECTION_DATA
            : UnreachableCause.OTHER;
      }
      case "java.util.ImmutableCollections$List12" -> {
        return referentType(dump, object, "e0").equals("java.lang.invoke.LambdaForm")
            ? UnreachableCause.CLASS_DATA
            : UnreachableCause.OTHER;
      }
      case "int[]" -> {
        return UnreachableCause.UNREFERENCED_INT_ARRAY;
      }
      default -> {
        return isThread(dump, dump.javaClassOrNull(object)) ? UnreachableCause.HIDDEN_THREAD : UnreachableCause.OTHER;
      }
    }
  }

  private static String referentType(HeapDump dump, int object, String field) {
    for (FieldValue value : dump.fields(object)) {
      if (value.field().name().equals(field) && value.target() >= 0) {
        return dump.typeName(value.target());
      }
    }
    return "";
  }

  private static boolean isThread(HeapDump dump, JavaClass javaClass) {
    for (JavaClass current = javaClass; current != null; ) {
      if (current.name().equals("java.lang.Thread")) {
        return true;
      }
      current = current.superclassIndex() < 0 ? null : dump.classAtOrNull(current.superclassIndex());
    }
    return false;
  }

  /** The unreachable objects of one cause, per class; empty if none. */
  Map<String, Tally> tallies(UnreachableCause cause) {
    return byCause.getOrDefault(cause, Map.of());
  }

  /** The unreachable objects of every cause but {@link UnreachableCause#OTHER}, per class. */
  Map<String, Tally> explained() {
    Map<String, Tally> sum = new TreeMap<>();
    byCause.forEach((cause, tallies) -> {
      if (cause != UnreachableCause.OTHER) {
        tallies.forEach((name, tally) -> sum.merge(name, tally, Tally::plus));
      }
    });
    return sum;
  }

  /** Instances and bytes of one cause over all classes. */
  Tally total(UnreachableCause cause) {
    return tallies(cause).values().stream().reduce(Tally.ZERO, Tally::plus);
  }

  /** The cause of an unreachable object, or null for a reachable one. */
  UnreachableCause causeOf(int object) {
    return causes[object];
  }

  /** One line per cause: instances / bytes. */
  String summary() {
    StringBuilder text = new StringBuilder();
    for (UnreachableCause cause : UnreachableCause.values()) {
      text.append(String.format("%-24s %s%n", cause, total(cause)));
    }
    return text.toString();
  }
}
