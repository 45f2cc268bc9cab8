package org.hpq.hprof.internal;

import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.hpq.hprof.FieldValue;
import org.hpq.hprof.JavaClass;
import org.hpq.hprof.store.IntArray;
import org.hpq.hprof.store.LongArray;

/**
 * Finds the fields of class mirrors ({@code java.lang.Class} instances) that HPROF leaves out.
 * HotSpot writes a mirror's static fields but none of its instance fields, so the objects only a
 * mirror holds have no referrer in the dump. Three rules recover such edges; each applies only to
 * an object with no referrer at all, and only when it names exactly one class that no other
 * candidate names (otherwise nothing is added):
 *
 * <ul>
 *   <li>{@code .name}: a {@code java.lang.String} whose text is a class's {@code Class.getName()}
 *       (the name cache {@code Class.getName()} fills). One exception to "exactly one": the {@code
 *       java} launcher keeps its own copy of the main class's name (see {@link LauncherMain}), so
 *       when exactly two such Strings name the main class, the one with the lower id is taken for
 *       the launcher's ({@link #launcherString()}, a root) and the other for the mirror's. The two
 *       are identical copies, so which is which is a guess that changes no count or size.
 *   <li>{@code .reflectionData}: a {@code java.lang.ref.SoftReference} whose referent is a {@code
 *       java.lang.Class$ReflectionData}; the class is the {@code clazz} of the Field, Method and
 *       Constructor objects in its {@code declared*} and {@code publicConstructors} arrays, which
 *       must all name the same class ({@code public*} arrays also hold inherited members).
 *   <li>{@code .classData}: a {@code java.util.ImmutableCollections$List12} whose {@code e0} is a
 *       {@code java.lang.invoke.LambdaForm}; the class is {@code e0.vmentry.clazz}, which must be a
 *       hidden class (its name has a {@code /0x} suffix): the class data of a {@code LambdaForm$MH}.
 * </ul>
 *
 * <p>Runs after the outbound edges are read and the in-degrees counted, before reachability.
 */
final class ImpliedEdges {
  private final int count;
  private final LongArray outOffsets;
  private final IntArray outTargets;
  private final OutLabels outLabels;
  private final IntArray classOf;
  private final ClassTable classes;
  private final Labels labels;
  private final FieldReader fields;
  private final IntPredicate hasReferrer;
  private final String mainClass;
  private int launcherString = -1;

  /**
   * @param hasReferrer whether an object has an inbound edge among the edges read from the dump
   * @param mainClass the launcher's main class's Java name, or null
   */
  ImpliedEdges(
      int count,
      LongArray outOffsets,
      IntArray outTargets,
      OutLabels outLabels,
      IntArray classOf,
      ClassTable classes,
      Labels labels,
      FieldReader fields,
      IntPredicate hasReferrer,
      String mainClass) {
    this.count = count;
    this.outOffsets = outOffsets;
    this.outTargets = outTargets;
    this.outLabels = outLabels;
    this.classOf = classOf;
    this.classes = classes;
    this.labels = labels;
    this.fields = fields;
    this.hasReferrer = hasReferrer;
    this.mainClass = mainClass;
  }

  /** After {@link #find}: the String the launcher holds for the main class's name, or -1. */
  int launcherString() {
    return launcherString;
  }

  /** The implied edges, by source then label then target. */
  List<ImpliedEdge> find() {
    List<ImpliedEdge> edges = new ArrayList<>();
    int stringClass = onlyClass("java.lang.String");
    int softClass = onlyClass("java.lang.ref.SoftReference");
    int reflectionDataClass = onlyClass("java.lang.Class$ReflectionData");
    int listClass = onlyClass("java.util.ImmutableCollections$List12");
    int lambdaFormClass = onlyClass("java.lang.invoke.LambdaForm");
    Map<String, Integer> classByName = classesByGetName();
    int maxNameLength = classByName.keySet().stream().mapToInt(String::length).max().orElse(0);
    Map<String, IntArrayList> nameStrings = new HashMap<>();
    Int2IntOpenHashMap reflectionData = new Int2IntOpenHashMap();
    Int2IntOpenHashMap classData = new Int2IntOpenHashMap();
    int[] types = new int[1 << 14];
    for (int object = 0; object < count; object++) {
      int slot = object & (types.length - 1);
      if (slot == 0) {
        if (Thread.interrupted()) {
          throw new CancelledException();
        }
        classOf.get(object, types, 0, Math.min(types.length, count - object));
      }
      int type = types[slot];
      if (type < 0 || (type != stringClass && type != softClass && type != listClass) || hasReferrer.test(object)) {
        continue;
      }
      if (type == stringClass) {
        String text = shortText(object, maxNameLength);
        if (text != null && classByName.containsKey(text)) {
          nameStrings.computeIfAbsent(text, k -> new IntArrayList(1)).add(object);
        }
      } else if (type == softClass) {
        int data = target(object, labels.codeOrZero(".referent"));
        if (data >= 0 && reflectionDataClass >= 0 && classOf.get(data) == reflectionDataClass) {
          claim(reflectionData, reflectionDataOwner(data), object);
        }
      } else {
        int form = target(object, labels.codeOrZero(".e0"));
        if (form >= 0 && lambdaFormClass >= 0 && classOf.get(form) == lambdaFormClass) {
          int entry = target(form, labels.codeOrZero(".vmentry"));
          int owner = entry < 0 ? -1 : target(entry, labels.codeOrZero(".clazz"));
          JavaClass hidden = owner < 0 ? null : classes.classOrNull(owner);
          if (hidden != null && hidden.name().contains("/0x")) {
            claim(classData, owner, object);
          }
        }
      }
    }
    nameStrings.forEach((text, strings) -> {
      int owner = classByName.get(text);
      if (strings.size() == 2 && text.equals(mainClass)) {
        launcherString = strings.getInt(0);
        strings.removeInt(0);
      }
      if (strings.size() == 1 && owner >= 0) {
        edges.add(new ImpliedEdge(owner, strings.getInt(0), labels.code(".name")));
      }
    });
    add(edges, reflectionData, labels.code(".reflectionData"));
    add(edges, classData, labels.code(".classData"));
    edges.sort(Comparator.comparingInt(ImpliedEdge::source).thenComparingInt(ImpliedEdge::label)
        .thenComparingInt(ImpliedEdge::target));
    return edges;
  }

  /** Class object index by {@code Class.getName()} spelling; -1 for a name several classes share. */
  private Map<String, Integer> classesByGetName() {
    Map<String, Integer> byName = new HashMap<>();
    for (JavaClass javaClass : classes.classes()) {
      byName.merge(ClassNames.classGetName(javaClass.name()), javaClass.objectIndex(), (a, b) -> -1);
    }
    return byName;
  }

  /** The class all declared reflection objects under {@code data} belong to, or -1. */
  private int reflectionDataOwner(int data) {
    int clazz = labels.codeOrZero(".clazz");
    int owner = -1;
    for (String field : new String[] {".declaredFields", ".declaredMethods", ".declaredConstructors",
        ".publicConstructors", ".declaredPublicFields", ".declaredPublicMethods"}) {
      int array = target(data, labels.codeOrZero(field));
      if (array < 0) {
        continue;
      }
      for (long p = outOffsets.get(array), end = outOffsets.get(array + 1L); p < end; p++) {
        if (outLabels.text(p) != 0) {
          continue;
        }
        int declaring = target(outTargets.get(p), clazz);
        if (declaring < 0 || classes.classOrNull(declaring) == null || (owner >= 0 && owner != declaring)) {
          return -1;
        }
        owner = declaring;
      }
    }
    return owner;
  }

  /** Records that {@code object} belongs to class {@code owner}; two claims on one class cancel. */
  private static void claim(Int2IntOpenHashMap claims, int owner, int object) {
    if (owner >= 0) {
      claims.put(owner, claims.containsKey(owner) ? -1 : object);
    }
  }

  private static void add(List<ImpliedEdge> edges, Int2IntOpenHashMap claims, int label) {
    claims.forEach((owner, object) -> {
      if (object >= 0) {
        edges.add(new ImpliedEdge(owner, object, label));
      }
    });
  }

  /** The first outbound target of {@code object} with label {@code label}, or -1. */
  private int target(int object, int label) {
    if (label == 0) {
      return -1;
    }
    for (long p = outOffsets.get(object), end = outOffsets.get(object + 1L); p < end; p++) {
      if (outLabels.text(p) == label) {
        return outTargets.get(p);
      }
    }
    return -1;
  }

  /** A String's text if its value array is short enough to be a name of at most {@code limit} characters. */
  private String shortText(int string, int limit) {
    for (FieldValue field : fields.fields(string)) {
      if (field.field().name().equals("value") && field.target() >= 0) {
        long length = fields.arrayLength(field.target());
        return length >= 0 && length <= 2L * limit ? fields.stringValue(string) : null;
      }
    }
    return null;
  }

  /** The index of the only class named {@code name}, or -1 if there is none or several. */
  private int onlyClass(String name) {
    List<JavaClass> named = classes.byName(name);
    return named.size() == 1 ? named.get(0).objectIndex() : -1;
  }
}
