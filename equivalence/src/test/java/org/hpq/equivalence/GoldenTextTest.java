package org.hpq.equivalence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Every table layout against golden files in {@code src/test/resources/golden/} (rewrite them
 * with {@code -Dgolden.update=true} and review the diff).
 */
class GoldenTextTest {
  private final Fixture fixture = Fixture.get();
  private final Heap heap = fixture.heap;
  private final Kinds kinds = heap.kinds();

  @Test
  void partitionFirstPageWithMoreFooter() {
    Golden.check("partition.txt", heap.heapSet().toString());
  }

  @Test
  void moreContinuesWhereThePageEnded() {
    ObjectSet byRcs = heap.heapSet().by("rcs");
    Page more = byRcs.more();
    Golden.check("partition-more.txt", more.toString());
    assertThat(more.more().start()).isEqualTo(20);
    assertThat(more.more().toString()).contains("\n    20 ").doesNotContain("\n    19 ");
    assertThat(byRcs.all().toString()).doesNotContain("more rows");
  }

  @Test
  void longLabelsWrapUnderTheLabelColumn() {
    Golden.check("wrapped-labels.txt", heap.heapSet().by("rcs").all().render(72));
  }

  @Test
  void byidOfStrings() {
    Golden.check("byid-strings.txt", heap.heapSet().and(kinds.type("java.lang.String")).by("id").toString());
  }

  @Test
  void byidOfMixedSetsBoxesAndArrays() {
    Golden.check("byid-mixed.txt", heap.heapSet().by("id").toString());
    Golden.check("byid-boxed.txt", heap.heapSet().and(kinds.type("java.lang.Integer")).by("id").toString());
    Golden.check("byid-arrays.txt", heap.heapSet().and(kinds.type("byte[]")).by("id").toString());
    Golden.check("byid-instances.txt", heap.heapSet().and(kinds.type("com.example.Item")).by("id").toString());
  }

  @Test
  void diffAcrossTwoDumps() {
    Fixture larger = Fixture.withExtraItems(5);
    Golden.check("diff.txt", larger.heap.heapSet().diff(heap.heapSet()).toString());
    Golden.check("diff-none.txt", heap.heapSet().diff(heap.heapSet()).toString());
  }

  @Test
  void statPrintsLikeThePartition() {
    ObjectSet set = heap.heapSet().by("type");
    assertThat(set.stat().toString()).isEqualTo(set.toString());
    Golden.check("stat-type.txt", set.stat().all().toString());
  }

  @Test
  void referencePattern() {
    Golden.check("rp-items.txt", fixture.set(fixture.item).rp().toString());
    Golden.check("rp-payload.txt", fixture.set(fixture.payload[0]).rp().all().toString());
  }

  @Test
  void shortestPathsAndSteps() {
    Golden.check("sp-shared.txt", fixture.set(fixture.shared).sp().toString());
    Golden.check("sp-local.txt", fixture.set(fixture.local).sp().toString());
    Golden.check("pathsin-items.txt", fixture.set(fixture.item).pathsIn().toString());
    Golden.check("pathsout-holder.txt", fixture.set(fixture.holder).pathsOut().toString());
  }

  @Test
  void objectViews() {
    Golden.check("object-item.txt", fixture.set(fixture.item[0]).theOneView().toString());
    Golden.check("object-string.txt", fixture.set(fixture.name[1]).theOneView().toString());
    Golden.check("object-array.txt", fixture.set(fixture.items).theOneView().toString());
    Golden.check("object-class.txt", fixture.set(fixture.holderClass).theOneView().toString());
  }

  @Test
  void biperTable() {
    Golden.check("biper.txt", heap.heapSet().biper(kinds.type("com.example.Item")).toString());
  }
}
