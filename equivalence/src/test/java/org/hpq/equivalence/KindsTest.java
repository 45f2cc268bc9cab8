package org.hpq.equivalence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.hpq.setalgebra.Kind;
import org.hpq.setalgebra.NodeSet;
import org.hpq.setalgebra.Relaxation;
import org.junit.jupiter.api.Test;

/** Kinds of every relation and the set operators, on the {@link Fixture} dump. */
class KindsTest {
  private final Fixture fixture = Fixture.get();
  private final Heap heap = fixture.heap;
  private final Kinds kinds = heap.kinds();
  private final ObjectSet all = heap.heapSet();
  private final ObjectSet universe = ObjectSet.of(heap, heap.universe());

  @Test
  void typeKindsFilterAndRelax() {
    assertThat(all.and(kinds.type("com.example.Item"))).isEqualTo(fixture.set(fixture.item));
    assertThat(universe.and(kinds.type("com.example.Item")).count()).isEqualTo(4);
    // Strict subclasses of Reference: the WeakReference; superclasses of WeakReference: Object's only instance.
    assertThat(all.and(kinds.type("java.lang.ref.Reference").alt(Relaxation.LESS))).isEqualTo(fixture.set(fixture.weak));
    assertThat(all.and(kinds.type("java.lang.ref.WeakReference").alt(Relaxation.GREATER)))
        .isEqualTo(fixture.set(fixture.weakTarget));
    assertThat(kinds.type("com.example.Item").toString()).isEqualTo("hp.Type('com.example.Item')");
  }

  @Test
  void clodoKindsTellOwnedArraysApart() {
    assertThat(all.and(kinds.clodo("byte[]", "com.example.Item"))).isEqualTo(fixture.set(fixture.payload));
    assertThat(all.and(kinds.clodo("byte[] of com.example.Item"))).isEqualTo(fixture.set(fixture.payload));
    assertThat(all.and(kinds.clodo("byte[]"))).isEqualTo(fixture.set(fixture.shared));
    assertThat(all.and(kinds.clodo("byte[] (no owner)"))).isEqualTo(fixture.set(fixture.shared));
    assertThat(all.and(kinds.clodo("long[]"))).isEqualTo(fixture.set(fixture.globalArray));
    assertThat(all.and(kinds.clodo("com.example.Holder"))).isEqualTo(fixture.set(fixture.holder));
    assertThat(all.and(kinds.clodo("byte[] of java.lang.String")).count()).isEqualTo(4);
  }

  @Test
  void sizeKindsCompareSizes() {
    long itemSize = heap.dump().shallowSize(fixture.node(fixture.item[0]));
    ObjectSet exact = all.and(kinds.size(itemSize));
    assertThat(exact.contains(fixture.node(fixture.item[0]))).isTrue();
    exact.iterator().forEachRemaining((int node) -> assertThat(heap.dump().shallowSize(node)).isEqualTo(itemSize));
    ObjectSet smaller = all.and(kinds.size(itemSize).alt(Relaxation.LESS));
    ObjectSet larger = all.and(kinds.size(itemSize).alt(Relaxation.GREATER));
    assertThat(smaller.or(exact).or(larger)).isEqualTo(all);
    assertThat(smaller.disjoint(larger)).isTrue();
    assertThat(larger.contains(fixture.node(fixture.holder))).isTrue();
  }

  @Test
  void rcsKindsMatchReferrerKindSets() {
    assertThat(all.and(kinds.rcs("<root: JNI global>"))).isEqualTo(fixture.set(fixture.globalArray));
    assertThat(universe.and(kinds.rcs())).isEqualTo(fixture.set(fixture.garbage));
    assertThat(heap.unreachableSet()).isEqualTo(fixture.set(fixture.garbage));
    assertThat(all.and(kinds.rcs("com.example.Item", "java.lang.Object[] of com.example.Holder")))
        .isEqualTo(fixture.set(fixture.item[1], fixture.item[2]));
    // At least referred to by an Item: the Items, their names and payloads, and the Item class.
    ObjectSet byItems = all.and(kinds.rcs("com.example.Item").alt(Relaxation.GREATER_OR_EQUAL));
    assertThat(byItems.count()).isEqualTo(10);
    assertThat(byItems.and(kinds.type("java.lang.Class"))).isEqualTo(fixture.set(fixture.itemClass));
  }

  @Test
  void viaKindsMatchLabelSetsAndRelax() {
    assertThat(all.and(kinds.via(".next", "[1]"))).isEqualTo(fixture.set(fixture.item[1]));
    assertThat(all.and(kinds.via(".next").alt(Relaxation.GREATER_OR_EQUAL))).isEqualTo(fixture.set(fixture.item));
    // Referred to only through labels among these: every Item (each has .next and slots).
    assertThat(all.and(kinds.via(".next", "[0]", "[1]", "[2]").alt(Relaxation.LESS_OR_EQUAL)))
        .isEqualTo(fixture.set(fixture.item));
    // A strict subset of {.next, [1]}: only the empty label set is left, i.e. no referrer at all.
    assertThat(all.and(kinds.via(".next", "[1]").alt(Relaxation.LESS)).count()).isZero();
    assertThat(universe.and(kinds.via(".next", "[1]").alt(Relaxation.LESS))).isEqualTo(fixture.set(fixture.garbage));
    assertThat(all.and(kinds.via("com.example.Holder.INSTANCE"))).isEqualTo(fixture.set(fixture.holder));
    assertThat(all.and(kinds.via("<root: Java frame>"))).isEqualTo(fixture.set(fixture.local));
    assertThat(all.and(kinds.via(".nowhere")).count()).isZero();
  }

  @Test
  void aViaLabelWithoutTheShapeOfALabelIsRefusedWithAHint() {
    assertThatThrownBy(() -> kinds.via("next"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'next' is not a via label")
        .hasMessageEndingWith("did you mean '.next'?");
    assertThatThrownBy(() -> kinds.via(".next", "1]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'1]' is not a via label")
        .hasMessageNotContaining("did you mean");
  }

  @Test
  void idKindsPickOneObject() {
    assertThat(all.and(kinds.id(fixture.holder))).isEqualTo(fixture.set(fixture.holder));
    assertThat(all.and(kinds.id(fixture.garbage)).count()).isZero();
    assertThat(all.and(kinds.anything())).isEqualTo(all);
    assertThat(all.and(kinds.nothing()).count()).isZero();
  }

  @Test
  void complementDeMorganAndSymbolicOperations() {
    Kind item = kinds.type("com.example.Item");
    Kind small = kinds.size(16);
    assertThat(item.not().not()).isEqualTo(item);
    assertThat(item.or(small).not()).isEqualTo(item.not().and(small.not()));
    assertThat(all.and(item.not()).count()).isEqualTo(all.count() - 3);
    assertThat(all.minus(item)).isEqualTo(all.and(item.not()));
    assertThat(all.and(item.xor(small))).isEqualTo(all.and(item).xor(all.and(small)));
    // Disjoint classes of one relation simplify to Nothing.
    assertThat(item.and(kinds.type("com.example.Pair"))).isEqualTo(Kind.nothing());
    assertThat(all.and(item).isSubsetOf(item)).isTrue();
    assertThat(all.isSubsetOf(item)).isFalse();
    assertThat(all.and(item).disjoint(small.and(item.not()))).isTrue();
  }

  @Test
  void concreteOperatorsAndComparisons() {
    ObjectSet items = fixture.set(fixture.item);
    ObjectSet firstTwo = fixture.set(fixture.item[0], fixture.item[1]);
    ObjectSet other = fixture.set(fixture.item[1], fixture.holder);
    assertThat(firstTwo.and(other)).isEqualTo(fixture.set(fixture.item[1]));
    assertThat(firstTwo.or(other)).isEqualTo(fixture.set(fixture.item[0], fixture.item[1], fixture.holder));
    assertThat(firstTwo.minus(other)).isEqualTo(fixture.set(fixture.item[0]));
    assertThat(firstTwo.xor(other)).isEqualTo(fixture.set(fixture.item[0], fixture.holder));
    assertThat(firstTwo.complement().count()).isEqualTo(heap.dump().objectCount() - 2);
    assertThat(firstTwo.complement().complement()).isEqualTo(firstTwo);
    assertThat(firstTwo.isStrictSubsetOf(items)).isTrue();
    assertThat(items.isSubsetOf(items)).isTrue();
    assertThat(items.isStrictSubsetOf(items)).isFalse();
    assertThat(items.isStrictSupersetOf(firstTwo)).isTrue();
    assertThat(items.isSupersetOf(other)).isFalse();
    assertThat(items.disjoint(fixture.set(fixture.holder))).isTrue();
    assertThat(items.contains(fixture.node(fixture.item[2]))).isTrue();
    assertThat(items.contains(fixture.node(fixture.holder))).isFalse();
  }

  @Test
  void kindIsTheUnionOfTheMembersClodoKinds() {
    ObjectSet mixed = fixture.set(fixture.item[0], fixture.payload[0], fixture.shared);
    Kind kind = mixed.kind();
    assertThat(kind).isEqualTo(Kind.union(List.of(
        kinds.clodo("com.example.Item"), kinds.clodo("byte[] of com.example.Item"), kinds.clodo("byte[]"))));
    assertThat(all.and(kind).count()).isEqualTo(7);
    assertThat(heap.emptySet().kind()).isEqualTo(Kind.nothing());
  }

  @Test
  void biperSplitsIntoTheKindAndTheRest() {
    Kind item = kinds.type("com.example.Item");
    ObjectSet split = all.biper(item);
    assertThat(split.rowCount()).isEqualTo(2);
    assertThat(split.row(0)).isEqualTo(fixture.set(fixture.item).by(split.relation()));
    assertThat(split.row(1).nodes()).isEqualTo(all.nodes().andNot(split.row(0).nodes()));
    assertThat(split.partition().rows().get(0).label()).isEqualTo(item.toString());
    assertThat(split.partition().rows().get(1).label()).isEqualTo(item.not().toString());
    assertThat(fixture.set(fixture.holder).biper(item).partition().rows()).singleElement()
        .satisfies(row -> assertThat(row.key()).isEqualTo(1));
  }

  @Test
  void rowsAndSlices() {
    ObjectSet byType = all.by("type");
    NodeSet union = byType.row(0).nodes().or(byType.row(1).nodes());
    assertThat(byType.rows(0, 2).nodes()).isEqualTo(union);
    assertThat(byType.row(-1).nodes()).isEqualTo(byType.partition().rows().get(byType.rowCount() - 1).members());
    assertThat(byType.rows(-2, 100).count())
        .isEqualTo(byType.row(-1).count() + byType.row(-2).count());
  }
}
