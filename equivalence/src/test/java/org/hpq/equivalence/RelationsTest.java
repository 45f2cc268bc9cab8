package org.hpq.equivalence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every relation's labels and partitions on the {@link Fixture} dump, exactly. */
class RelationsTest {
  private final Fixture fixture = Fixture.get();
  private final Heap heap = fixture.heap;

  private String label(String relation, long id) {
    Relation r = heap.relations().get(relation);
    return r.label(r.key(fixture.node(id)));
  }

  private Row row(ObjectSet set, String label) {
    return set.partition().rows().stream().filter(row -> row.label().equals(label)).findFirst()
        .orElseThrow(() -> new AssertionError("no row " + label + " in\n" + set.all()));
  }

  @Test
  void clodoNamesInstancesByClassAndArraysByTheirOwner() {
    assertThat(label("clodo", fixture.holder)).isEqualTo("com.example.Holder");
    assertThat(label("clodo", fixture.payload[0])).isEqualTo("byte[] of com.example.Item");
    assertThat(label("clodo", fixture.items)).isEqualTo("java.lang.Object[] of com.example.Holder");
    assertThat(label("clodo", fixture.table)).isEqualTo("java.lang.Object[] of com.example.Cache");
    // Two referrers, or a root and no referrer: no owner.
    assertThat(label("clodo", fixture.shared)).isEqualTo("byte[] (no owner)");
    assertThat(label("clodo", fixture.globalArray)).isEqualTo("long[] (no owner)");
    assertThat(label("clodo", fixture.holderClass)).isEqualTo("java.lang.Class");
    ObjectSet heapSet = heap.heapSet();
    assertThat(row(heapSet, "com.example.Item").count()).isEqualTo(3);
    assertThat(row(heapSet, "byte[] of com.example.Item").count()).isEqualTo(3);
    assertThat(row(heapSet, "byte[] of java.lang.String").count()).isEqualTo(4);
    assertThat(row(heapSet, "java.lang.String").count()).isEqualTo(4);
    // The unreachable Item is in the universe only.
    assertThat(row(ObjectSet.of(heap, heap.universe()), "com.example.Item").count()).isEqualTo(4);
  }

  @Test
  void rowsAreOrderedBySizeThenLabelAndSumToTheSet() {
    ObjectSet heapSet = heap.heapSet();
    List<Row> rows = heapSet.partition().rows();
    for (int i = 1; i < rows.size(); i++) {
      Row previous = rows.get(i - 1);
      Row current = rows.get(i);
      assertThat(previous.size() > current.size()
              || (previous.size() == current.size() && previous.label().compareTo(current.label()) < 0))
          .as("row %d %s after %s", i, current, previous).isTrue();
    }
    assertThat(rows.stream().mapToLong(Row::count).sum()).isEqualTo(heapSet.count());
    assertThat(rows.stream().mapToLong(Row::size).sum()).isEqualTo(heapSet.size());
  }

  @Test
  void typeNamesArraysByElementType() {
    assertThat(label("type", fixture.payload[1])).isEqualTo("byte[]");
    assertThat(label("type", fixture.items)).isEqualTo("java.lang.Object[]");
    assertThat(label("type", fixture.item[2])).isEqualTo("com.example.Item");
    assertThat(row(heap.heapSet().by("type"), "java.lang.Object[]").count()).isEqualTo(2);
  }

  @Test
  void sizeIsTheShallowSizeOrderedNumericallyOnTies() {
    int item = fixture.node(fixture.item[0]);
    assertThat(label("size", fixture.item[0])).isEqualTo(Long.toString(heap.dump().shallowSize(item)));
    ObjectSet items = fixture.set(fixture.item);
    assertThat(items.by("size").partition().rows()).singleElement()
        .satisfies(row -> assertThat(row.size()).isEqualTo(3 * heap.dump().shallowSize(item)));
    assertThat(heap.relations().get("size").header()).isEqualTo("Individual Size");
  }

  @Test
  void rcsListsTheReferrersKindsRootsAndNothing() {
    assertThat(label("rcs", fixture.item[1])).isEqualTo("com.example.Item, java.lang.Object[] of com.example.Holder");
    assertThat(label("rcs", fixture.item[0]))
        .isEqualTo("com.example.Item, java.lang.Object[] of com.example.Cache, java.lang.Object[] of com.example.Holder");
    assertThat(label("rcs", fixture.holder)).isEqualTo("java.lang.Class");
    assertThat(label("rcs", fixture.globalArray)).isEqualTo("<root: JNI global>");
    assertThat(label("rcs", fixture.local)).isEqualTo("<root: Java frame>");
    assertThat(label("rcs", fixture.weakTarget)).isEqualTo("java.lang.ref.WeakReference");
    assertThat(label("rcs", fixture.shared)).isEqualTo("com.example.Pair");
    assertThat(label("rcs", fixture.garbage)).isEqualTo("<Nothing>");
  }

  @Test
  void viaListsFieldsSlotsStaticsAndRootLabels() {
    assertThat(label("via", fixture.item[0])).isEqualTo(".next, [0], [1]");
    assertThat(label("via", fixture.item[2])).isEqualTo(".next, [2]");
    assertThat(label("via", fixture.holder)).isEqualTo("com.example.Holder.INSTANCE");
    assertThat(label("via", fixture.shared)).isEqualTo(".left");
    assertThat(label("via", fixture.boxed)).isEqualTo(".count");
    assertThat(label("via", fixture.local)).isEqualTo("<root: Java frame>");
    assertThat(label("via", fixture.globalArray)).isEqualTo("<root: JNI global>");
    assertThat(label("via", fixture.garbage)).isEqualTo("<Nothing>");
    assertThat(row(heap.heapSet().by("via"), ".payload").count()).isEqualTo(3);
  }

  @Test
  void idGivesOneRowPerObjectLabelledByHexId() {
    assertThat(label("id", fixture.holder)).isEqualTo(String.format("0x%x", fixture.holder));
    ObjectSet byId = fixture.set(fixture.item[0], fixture.holder).by("id");
    assertThat(byId.rowCount()).isEqualTo(2);
    // Larger first: the Holder has more fields than an Item.
    assertThat(byId.row(0).nodes().first()).isEqualTo(fixture.node(fixture.holder));
  }

  @Test
  void unityPackageLoaderRootAndFrame() {
    assertThat(heap.heapSet().by("unity").partition().rows()).singleElement()
        .satisfies(row -> assertThat(row.label()).isEqualTo("<everything>"));
    assertThat(label("package", fixture.holder)).isEqualTo("com.example");
    assertThat(label("package", fixture.payload[0])).isEqualTo("<primitive arrays>");
    assertThat(label("package", fixture.items)).isEqualTo("java.lang");
    assertThat(label("package", fixture.weak)).isEqualTo("java.lang.ref");
    assertThat(label("loader", fixture.holder)).isEqualTo("<bootstrap>");
    assertThat(label("loader", fixture.local)).isEqualTo(String.format("java.lang.ClassLoader at 0x%x", fixture.loader));
    assertThat(label("root", fixture.globalArray)).isEqualTo("<root: JNI global>");
    assertThat(label("root", fixture.threadObject)).isEqualTo("<root: thread object>");
    assertThat(label("root", fixture.local)).isEqualTo("<root: Java frame>");
    assertThat(label("root", fixture.holder)).isEqualTo("<not a root>");
    assertThat(label("frame", fixture.local)).isEqualTo("main: com.example.Main.run(Main.java:12)");
    assertThat(label("frame", fixture.holder)).isEqualTo("<not held by a frame>");
  }

  @Test
  void productsCombineLabels() {
    String size = Long.toString(heap.dump().shallowSize(fixture.node(fixture.item[0])));
    assertThat(label("Type&Size", fixture.item[0])).isEqualTo("com.example.Item & " + size);
    assertThat(heap.relations().get("type&size").header()).isEqualTo("Type & Individual Size");
    assertThat(row(heap.heapSet().by("Type&Size"), "com.example.Item & " + size).count()).isEqualTo(3);
  }

  @Test
  void unknownRelationsNameTheKnownOnes() {
    assertThatThrownBy(() -> heap.relations().get("colour")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("clodo, type, size");
  }
}
