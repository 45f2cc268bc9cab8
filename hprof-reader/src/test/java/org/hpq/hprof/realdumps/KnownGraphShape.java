package org.hpq.hprof.realdumps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.hpq.hprof.FieldValue;
import org.hpq.hprof.HeapDump;
import org.hpq.hprof.JavaClass;
import org.hpq.hprof.StaticField;
import org.hpq.testkit.workloads.KnownGraph;

/** Checks of {@link KnownGraph}'s object graph as the reader sees it: fields, statics, labels. */
final class KnownGraphShape {
  private KnownGraphShape() {}

  /** Field values of an instance by field name (the nearest declaration wins). */
  static Map<String, FieldValue> fields(HeapDump dump, int object) {
    Map<String, FieldValue> byName = new HashMap<>();
    for (FieldValue value : dump.fields(object)) {
      byName.putIfAbsent(value.field().name(), value);
    }
    return byName;
  }

  /** Every Item has its id, name, payload and ring successor, and Item's size is the VM's. */
  static void checkItems(HeapDump dump, long itemSize, String context) {
    int[] byId = new int[KnownGraph.ITEM_COUNT];
    java.util.Arrays.fill(byId, -1);
    for (int object = 0; object < dump.objectCount(); object++) {
      if (!dump.typeName(object).equals(KnownGraph.ITEM_CLASS_NAME)) {
        continue;
      }
      Map<String, FieldValue> fields = fields(dump, object);
      int id = (int) fields.get("id").bits();
      assertThat(id).as(context).isBetween(0, KnownGraph.ITEM_COUNT - 1);
      assertThat(byId[id]).as("%s: item %d seen twice", context, id).isEqualTo(-1);
      byId[id] = object;
      assertThat(dump.stringValue(fields.get("name").target())).as(context).isEqualTo("item-" + id);
      int payload = fields.get("payload").target();
      assertThat(dump.typeName(payload)).as(context).isEqualTo("byte[]");
      long[] bytes = dump.arrayElements(payload, 0, 100);
      assertThat(bytes).as(context).hasSize(KnownGraph.ITEM_PAYLOAD_LENGTH).containsOnly((long) (byte) id);
      assertThat(dump.shallowSize(object)).as(context).isEqualTo(itemSize);
    }
    for (int id = 0; id < KnownGraph.ITEM_COUNT; id++) {
      int next = fields(dump, byId[id]).get("next").target();
      assertThat(next).as("%s: item %d's next", context, id).isEqualTo(byId[(id + 1) % KnownGraph.ITEM_COUNT]);
      assertThat(dump.edgeLabel(byId[id], next)).as(context).isEqualTo(".next");
    }
  }

  /** KnownGraph's statics: the long[] ramp, the 500-entry map, the two-node cycle, the weak ref. */
  static void checkStatics(HeapDump dump, JavaClass knownGraph, boolean allObjects, String context) {
    Map<String, StaticField> statics = new HashMap<>();
    knownGraph.statics().forEach(field -> statics.put(field.name(), field));
    int longs = dump.indexOf(statics.get("longs").value());
    assertThat(dump.typeName(longs)).as(context).isEqualTo("long[]");
    assertThat(dump.arrayLength(longs)).as(context).isEqualTo(KnownGraph.LONG_ARRAY_LENGTH);
    assertThat(dump.arrayElements(longs, KnownGraph.LONG_ARRAY_LENGTH - 3, 10))
        .as(context).containsExactly(KnownGraph.LONG_ARRAY_LENGTH - 3, KnownGraph.LONG_ARRAY_LENGTH - 2,
            KnownGraph.LONG_ARRAY_LENGTH - 1);
    assertThat(dump.edgeLabel(knownGraph.objectIndex(), longs)).as(context)
        .isEqualTo(KnownGraph.class.getName() + ".longs");

    int map = dump.indexOf(statics.get("map").value());
    assertThat(dump.typeName(map)).as(context).isEqualTo("java.util.HashMap");
    assertThat(fields(dump, map).get("size").bits()).as(context).isEqualTo(KnownGraph.MAP_ENTRY_COUNT);

    int cycleA = dump.indexOf(statics.get("cycle").value());
    int cycleB = fields(dump, cycleA).get("other").target();
    assertThat(dump.typeName(cycleB)).as(context).isEqualTo(KnownGraph.CYCLE_NODE_CLASS_NAME);
    assertThat(fields(dump, cycleB).get("other").target()).as(context).isEqualTo(cycleA);

    int weak = dump.indexOf(statics.get("weak").value());
    int referent = fields(dump, weak).get("referent").target();
    if (allObjects) {
      assertThat(dump.typeName(referent)).as(context).isEqualTo(KnownGraph.WEAK_TARGET_CLASS_NAME);
      assertThat(dump.edgeLabel(weak, referent)).as(context).isEqualTo(".referent");
    } else {
      assertThat(referent).as("%s: a live dump's GC clears the referent", context).isEqualTo(-1);
    }
  }
}
