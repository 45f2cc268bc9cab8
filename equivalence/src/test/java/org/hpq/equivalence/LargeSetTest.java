package org.hpq.equivalence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.hpq.setalgebra.Kind;
import org.hpq.setalgebra.NodeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** byid ordering, partition laws and kind filters on a generated dump of many objects (seeded). */
class LargeSetTest {
  private static final long SEED = 20261121L;
  private static final int NODES = 20_000;

  @TempDir static Path folder;
  static Heap heap;

  @BeforeAll
  static void write() throws Exception {
    heap = LargeSets.write(folder, NODES, SEED);
  }

  @Test
  void byidRowsAreOrderedBySizeThenIndexWithoutBuildingRowSets() {
    ObjectSet all = heap.heapSet().by("id");
    List<Row> rows = all.partition().rows();
    assertThat(rows).as("seed %d", SEED).hasSize((int) all.count());
    int[] members = all.nodes().toArray();
    long[] expected = new long[members.length];
    for (int i = 0; i < members.length; i++) {
      expected[i] = (-heap.dump().shallowSize(members[i]) << 32) | members[i];
    }
    Arrays.sort(expected);
    for (int i = 0; i < members.length; i += 97) {
      assertThat(rows.get(i).key()).as("row %d, seed %d", i, SEED).isEqualTo((int) expected[i]);
    }
    assertThat(all.toString()).as("seed %d", SEED).startsWith("Set of " + all.count() + " <mixed> objects.")
        .endsWith("<" + (all.count() - 10) + " more rows. Type e.g. '_.more' to view.>\n");
  }

  @Test
  void partitionsCoverTheSetAndKindsSplitIt() {
    Random random = new Random(SEED);
    NodeSet.Builder builder = NodeSet.builder();
    for (int i = 0; i < 5_000; i++) {
      builder.add(random.nextInt(heap.dump().objectCount()));
    }
    ObjectSet sample = ObjectSet.of(heap, builder.build());
    for (String relation : List.of("clodo", "type", "size", "rcs", "via", "Type&Size")) {
      List<Row> rows = sample.by(relation).partition().rows();
      NodeSet.Builder union = NodeSet.builder();
      long count = 0;
      for (Row row : rows) {
        union.addAll(row.members());
        count += row.count();
      }
      assertThat(count).as("%s, seed %d", relation, SEED).isEqualTo(sample.count());
      assertThat(union.build()).as("%s, seed %d", relation, SEED).isEqualTo(sample.nodes());
    }
    Kind small = heap.kinds().size(24).alt(org.hpq.setalgebra.Relaxation.LESS_OR_EQUAL);
    assertThat(sample.and(small).or(sample.minus(small))).as("seed %d", SEED).isEqualTo(sample);
    assertThat(sample.and(small).disjoint(sample.minus(small))).isTrue();
    ObjectSet split = sample.biper(small);
    assertThat(split.row(0).nodes()).as("seed %d", SEED).isEqualTo(sample.and(small).nodes());
  }

  @Test
  void viaOfArrayElementsNamesTheirSlots() {
    ObjectSet nodes = heap.heapSet().and(heap.kinds().type("com.example.Node"));
    ObjectSet viaSlotZero = nodes.and(heap.kinds().via("[0]").alt(org.hpq.setalgebra.Relaxation.GREATER_OR_EQUAL));
    assertThat(viaSlotZero.count()).as("seed %d", SEED).isEqualTo(1);
    assertThat(nodes.by("rcs").rowCount()).as("seed %d", SEED).isEqualTo(2);
  }
}
