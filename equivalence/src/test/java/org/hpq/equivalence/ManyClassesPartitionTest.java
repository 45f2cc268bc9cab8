package org.hpq.equivalence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A partition with more classes than it keeps member lists for gives the same rows (counts,
 * sizes, members, labels) as one that keeps them all; only the order of rows of equal size may
 * differ (by class key instead of label).
 */
class ManyClassesPartitionTest {
  @Test
  void rowsWithoutKeptMembersEqualRowsWithThem() {
    Fixture fixture = Fixture.get();
    Heap heap = fixture.heap;
    for (String name : new String[] {"via", "rcs", "clodo", "size"}) {
      Relation relation = heap.relations().get(name);
      Partition kept = Partition.of(heap, heap.universe(), relation, Integer.MAX_VALUE);
      Partition lazy = Partition.of(heap, heap.universe(), relation, 2);
      assertThat(lazy.rows()).as(name).hasSameSizeAs(kept.rows());
      assertThat(lazy.size()).as(name).isEqualTo(kept.size());
      Map<Long, Row> byKey = new HashMap<>();
      for (Row row : kept.rows()) {
        byKey.put(row.key(), row);
      }
      long previousSize = Long.MAX_VALUE;
      for (Row row : lazy.rows()) {
        Row expected = byKey.get(row.key());
        assertThat(expected).as("%s row %s", name, row.key()).isNotNull();
        assertThat(row.count()).as(name).isEqualTo(expected.count());
        assertThat(row.size()).as(name).isEqualTo(expected.size());
        assertThat(row.label()).as(name).isEqualTo(expected.label());
        assertThat(row.members()).as(name).isEqualTo(expected.members());
        assertThat(row.size()).as("%s: sizes descend", name).isLessThanOrEqualTo(previousSize);
        previousSize = row.size();
      }
    }
  }
}
