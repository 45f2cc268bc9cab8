package org.hpq.equivalence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

/** Referrers, referents, owners, immediate dominators and retained sets on the {@link Fixture}. */
class NeighboursTest {
  private final Fixture fixture = Fixture.get();
  private final Heap heap = fixture.heap;

  private long size(long... ids) {
    long total = 0;
    for (long id : ids) {
      total += heap.dump().shallowSize(fixture.node(id));
    }
    return total;
  }

  @Test
  void referrersAndReferents() {
    assertThat(fixture.set(fixture.item[0]).referrers())
        .isEqualTo(fixture.set(fixture.item[2], fixture.items, fixture.table));
    assertThat(fixture.set(fixture.item[0]).referents())
        .isEqualTo(fixture.set(fixture.name[0], fixture.payload[0], fixture.item[1], fixture.itemClass));
    // The unreachable Item refers to the Item class too, but referrers are reachable objects only.
    assertThat(fixture.set(fixture.itemClass).referrers().contains(fixture.node(fixture.garbage))).isFalse();
    assertThat(fixture.set(fixture.itemClass).referrers().contains(fixture.node(fixture.item[1]))).isTrue();
  }

  @Test
  void ownersOfArrays() {
    assertThat(fixture.set(fixture.payload[0], fixture.items, fixture.shared, fixture.holder).owners())
        .isEqualTo(fixture.set(fixture.item[0], fixture.holder));
  }

  @Test
  void immediateDominators() {
    assertThat(fixture.set(fixture.payload[0]).imdom()).isEqualTo(fixture.set(fixture.item[0]));
    assertThat(fixture.set(fixture.shared).imdom()).isEqualTo(fixture.set(fixture.holder));
    // Every path to an Item passes through the holder (the ring, the items array, the cache).
    assertThat(fixture.set(fixture.item).imdom()).isEqualTo(fixture.set(fixture.holder));
    // Root objects hang under the virtual root, which is no object.
    assertThat(fixture.set(fixture.globalArray).imdom().count()).isZero();
  }

  @Test
  void twoMembersJointlyRetainWhatNeitherRetainsAlone() {
    ObjectSet left = fixture.set(fixture.jointA);
    ObjectSet both = fixture.set(fixture.jointA, fixture.jointB);
    assertThat(left.dominos()).isEqualTo(left);
    assertThat(left.domisize()).isEqualTo(size(fixture.jointA));
    assertThat(both.dominos()).isEqualTo(fixture.set(fixture.jointA, fixture.jointB, fixture.shared));
    assertThat(both.domisize()).isEqualTo(size(fixture.jointA, fixture.jointB, fixture.shared));
  }

  @Test
  void weakReferencesRetainNothingThroughTheReferent() {
    assertThat(fixture.set(fixture.weak).dominos()).isEqualTo(fixture.set(fixture.weak));
    assertThat(fixture.set(fixture.item[0]).dominos())
        .isEqualTo(fixture.set(fixture.item[0], fixture.name[0], fixture.payload[0])
            .or(fixture.set(fixture.name[0]).referents().minus(fixture.set(fixture.jdk.stringClass()))));
  }

  @Test
  void theOneNamesTheCount() {
    assertThat(fixture.set(fixture.holder).theOne()).isEqualTo(fixture.node(fixture.holder));
    assertThatThrownBy(() -> fixture.set(fixture.item).theOne())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("has 3");
  }

  @Test
  void longWorkStopsWhenTheThreadIsInterrupted() {
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> heap.heapSet().by("id").partition()).isInstanceOf(CancellationException.class);
      ReferencePattern pattern = fixture.set(fixture.payload[0]).rp();
      Thread.currentThread().interrupt();
      assertThatThrownBy(pattern::rows).isInstanceOf(CancellationException.class);
      Thread.interrupted();
      // A cancelled pattern continues where it stopped.
      assertThat(pattern.rows()).extracting(ReferencePattern.PatternRow::name)
          .isEqualTo(fixture.set(fixture.payload[0]).rp().rows().stream().map(ReferencePattern.PatternRow::name).toList());
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void relativeHeapLeavesTheBaselineOut() {
    Heap own = Fixture.withExtraItems(0).heap;
    ObjectSet before = own.heapSet();
    own.setRelativeBaseline(before.nodes());
    assertThat(own.heapSet().count()).isZero();
    own.setRelativeBaseline(before.minus(before.and(own.kinds().type("com.example.Item"))).nodes());
    assertThat(own.heapSet().count()).isEqualTo(3);
    own.setRelativeBaseline(org.hpq.setalgebra.NodeSet.empty());
    assertThat(own.heapSet()).isEqualTo(before);
  }
}
