package org.hpq.testkit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hpq.testkit.internal.ClassLayout;

/**
 * The classes an {@link HprofWriter} has defined: their layouts by id, the first id under each
 * name, and the next automatic LOAD CLASS serial. Not thread-safe.
 */
final class ClassRegistry {
  private final Map<Long, ClassLayout> classesById = new HashMap<>();
  private final Map<String, Long> classIdsByName = new HashMap<>();
  private int nextClassSerial = 1;

  /**
   * The id of the first class registered under this name (Java or internal form).
   *
   * @throws IllegalArgumentException if no class of that name was registered
   */
  long findClassId(String className) {
    Long id = classIdsByName.get(ClassNames.toInternal(className));
    if (id == null) {
      throw new IllegalArgumentException("class not defined: " + className);
    }
    return id;
  }

  /** The LOAD CLASS serial of a registered class; 0 if unknown or written without LOAD CLASS. */
  int classSerial(long classId) {
    ClassLayout layout = classesById.get(classId);
    return layout == null ? 0 : layout.serial();
  }

  /** The next automatic LOAD CLASS serial (1, 2, ...). */
  int allocateClassSerial() {
    return nextClassSerial++;
  }

  /** Remembers a written class; a later class with the same id replaces it, not its name. */
  void register(ClassLayout layout) {
    classesById.put(layout.id(), layout);
    classIdsByName.putIfAbsent(layout.internalName(), layout.id());
  }

  ClassLayout layoutOrNull(long classId) {
    return classesById.get(classId);
  }

  /** The class and its superclasses, own class first; stops at unknown ids and loops. */
  List<ClassLayout> hierarchy(long classId) {
    List<ClassLayout> chain = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    ClassLayout current = classesById.get(classId);
    while (current != null && seen.add(current.id())) {
      chain.add(current);
      current = current.superclassId() == 0 ? null : classesById.get(current.superclassId());
    }
    return chain;
  }
}
