package org.hpq.shell.cli;

import it.unimi.dsi.fastutil.ints.Int2LongOpenHashMap;
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
    // Tally per class object first (an int key per object), then name each class once: a name
    // lookup and string hash per object would dominate on dumps of tens of millions of objects.
    Int2LongOpenHashMap countsByClass = new Int2LongOpenHashMap();
    Int2LongOpenHashMap bytesByClass = new Int2LongOpenHashMap();
    Int2LongOpenHashMap exampleByClass = new Int2LongOpenHashMap();
    Object2LongOpenHashMap<String> counts = new Object2LongOpenHashMap<>();
    Object2LongOpenHashMap<String> bytes = new Object2LongOpenHashMap<>();
    for (int object = 0; object < heap.objectCount(); object++) {
      if (!heap.isReachable(object)) {
        continue;
      }
      int classIndex = heap.classIndex(object);
      if (classIndex < 0) {
        // No class object in the dump: the name depends on the object (its kind, element type).
        String name = heap.typeName(object);
        counts.addTo(name, 1);
        bytes.addTo(name, heap.shallowSize(object));
        continue;
      }
      if (countsByClass.addTo(classIndex, 1) == 0) {
        exampleByClass.put(classIndex, object);
      }
      bytesByClass.addTo(classIndex, heap.shallowSize(object));
    }
    for (var entry : countsByClass.int2LongEntrySet()) {
      int classIndex = entry.getIntKey();
      String name = heap.typeName((int) exampleByClass.get(classIndex));
      counts.addTo(name, entry.getLongValue());
      bytes.addTo(name, bytesByClass.get(classIndex));
    }
    List<Row> rows = new ArrayList<>();
    for (String name : counts.keySet()) {
      rows.add(new Row(name, counts.getLong(name), bytes.getLong(name)));
    }
    rows.sort(Comparator.comparingLong(Row::shallow).reversed().thenComparing(Row::className));
    return rows;
  }
}
