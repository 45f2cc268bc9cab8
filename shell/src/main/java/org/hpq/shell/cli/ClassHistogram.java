package org.hpq.shell.cli;

import it.unimi.dsi.fastutil.objects.Object2LongOpenHashMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hpq.hprof.HeapDump;

/** Reachable objects grouped by class name (classes of one name from several loaders merge). */
final class ClassHistogram {
  record Row(String className, long count, long shallow) {}

  private ClassHistogram() {}

  static List<Row> of(HeapDump heap) {
    Object2LongOpenHashMap<String> counts = new Object2LongOpenHashMap<>();
    Object2LongOpenHashMap<String> bytes = new Object2LongOpenHashMap<>();
    for (int object = 0; object < heap.objectCount(); object++) {
      if (heap.isReachable(object)) {
        String name = heap.typeName(object);
        counts.addTo(name, 1);
        bytes.addTo(name, heap.shallowSize(object));
      }
    }
    List<Row> rows = new ArrayList<>();
    for (String name : counts.keySet()) {
      rows.add(new Row(name, counts.getLong(name), bytes.getLong(name)));
    }
    rows.sort(Comparator.comparingLong(Row::shallow).reversed().thenComparing(Row::className));
    return rows;
  }
}
