package org.hpq.setalgebra.internal;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.hpq.setalgebra.Classifier;

/**
 * A stable order of classifier instances that share a name (two heaps' Type relations, say):
 * by the order in which this JVM first met them. Not API.
 */
final class ClassifierOrder {
  private static final Map<Classifier, Long> SERIALS =
      Collections.synchronizedMap(new WeakHashMap<>());
  private static final AtomicLong NEXT = new AtomicLong();

  private ClassifierOrder() {}

  /** Compares by name, then by first meeting; 0 only for equal classifiers. */
  static int compare(Classifier first, Classifier second) {
    int byName = first.name().compareTo(second.name());
    if (byName != 0 || first.equals(second)) {
      return byName;
    }
    return Long.compare(serial(first), serial(second));
  }

  private static long serial(Classifier classifier) {
    return SERIALS.computeIfAbsent(classifier, key -> NEXT.getAndIncrement());
  }
}
