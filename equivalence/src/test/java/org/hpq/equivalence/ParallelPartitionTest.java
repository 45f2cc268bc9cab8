package org.hpq.equivalence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CancellationException;
import org.hpq.setalgebra.NodeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The partition pass on several threads (forced on small sets by a small span) and its bulk keys
 * give exactly the rows of a plain oracle: {@code key(node)} of every member in ascending order on
 * a fresh heap, grouped in a map, ordered by size and label (or by size and key past the kept
 * classes). Keys are compared too, so label-set ids must come out in first-seen order whatever the
 * number of threads. Seeded sets of a generated dump where most objects have a label set of their
 * own ({@code [i]} and {@code .next}).
 */
class ParallelPartitionTest {
  private static final long SEED = 20261122L;
  private static final int NODES = 6_000;
  private static final List<String> RELATIONS = List.of("clodo", "type", "size", "rcs", "via", "Type&Size");

  @TempDir static Path folder;
  static Heap generated;

  @BeforeAll
  static void write() throws Exception {
    generated = LargeSets.write(folder, NODES, SEED);
  }

  /** A heap of its own (fresh tables of label sets and type names) over the generated dump. */
  private static Heap freshHeap() {
    return Heap.of(generated.dump());
  }

  @Test
  void threadsAndSpansGiveTheOracleRows() {
    Random random = new Random(SEED);
    List<NodeSet> sets = new ArrayList<>();
    sets.add(generated.universe());
    sets.add(generated.reachable());
    for (int s = 0; s < 3; s++) {
      NodeSet.Builder builder = NodeSet.builder();
      int size = 1 + random.nextInt(3_000);
      for (int i = 0; i < size; i++) {
        builder.add(random.nextInt(generated.dump().objectCount()));
      }
      sets.add(builder.build());
    }
    int[][] shapes = {{1, 4096}, {2, 64}, {3, 257}, {4, 1000}};
    for (int s = 0; s < sets.size(); s++) {
      for (String name : RELATIONS) {
        for (int maxKept : new int[] {Partition.MAX_KEPT_CLASSES, 50}) {
          List<RowFacts> expected = oracle(freshHeap(), sets.get(s), name, maxKept);
          for (int[] shape : shapes) {
            Heap heap = freshHeap();
            Partition partition = Partition.of(heap, sets.get(s), heap.relations().get(name), maxKept, shape[0], shape[1]);
            assertThat(facts(partition.rows()))
                .as("set %d, by%s, max kept %d, %d threads, span %d, seed %d", s, name, maxKept, shape[0], shape[1], SEED)
                .isEqualTo(expected);
          }
        }
      }
    }
  }

  @Test
  void aPassAfterOthersReusesTheirSetIdsAndStillMatches() {
    Heap heap = freshHeap();
    Heap oracleHeap = freshHeap();
    Random random = new Random(SEED + 1);
    for (int round = 0; round < 4; round++) {
      NodeSet.Builder builder = NodeSet.builder();
      int size = 1 + random.nextInt(NODES);
      for (int i = 0; i < size; i++) {
        builder.add(random.nextInt(generated.dump().objectCount()));
      }
      NodeSet set = builder.build();
      for (String name : List.of("via", "rcs")) {
        List<RowFacts> expected = oracle(oracleHeap, set, name, 40);
        Partition partition = Partition.of(heap, set, heap.relations().get(name), 40, 2, 128);
        assertThat(facts(partition.rows())).as("round %d, by%s, seed %d", round, name, SEED).isEqualTo(expected);
      }
    }
  }

  @Test
  void bulkKeysEqualKeysOfSingleObjects() {
    Fixture fixture = Fixture.get();
    for (Heap heap : List.of(fixture.heap, freshHeap())) {
      for (String name : List.of("clodo", "type", "size")) {
        Relation relation = heap.relations().get(name);
        var batch = ((org.hpq.equivalence.internal.BulkKeys) relation).newBatch();
        int[] nodes = heap.universe().toArray();
        long[] keys = new long[nodes.length];
        batch.keys(nodes, nodes.length, keys);
        for (int i = 0; i < nodes.length; i++) {
          assertThat(keys[i]).as("by%s of object %d", name, nodes[i]).isEqualTo(relation.key(nodes[i]));
        }
      }
    }
  }

  @Test
  void theFixtureMatchesTheOracleOnEveryThreadCount() {
    Heap fixture = Fixture.get().heap;
    for (String name : RELATIONS) {
      List<RowFacts> expected = oracle(Heap.of(fixture.dump()), fixture.universe(), name, Partition.MAX_KEPT_CLASSES);
      for (int threads = 1; threads <= 3; threads++) {
        Heap heap = Heap.of(fixture.dump());
        Partition partition = Partition.of(heap, heap.universe(), heap.relations().get(name),
            Partition.MAX_KEPT_CLASSES, threads, 4);
        assertThat(facts(partition.rows())).as("by%s, %d threads", name, threads).isEqualTo(expected);
      }
    }
  }

  @Test
  void anInterruptedThreadedPassCancels() {
    Heap heap = freshHeap();
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> Partition.of(heap, heap.universe(), heap.relations().get("via"), 100, 2, 64))
          .isInstanceOf(CancellationException.class);
    } finally {
      Thread.interrupted();
    }
    Partition after = Partition.of(heap, heap.universe(), heap.relations().get("via"), 100, 2, 64);
    assertThat(facts(after.rows())).isEqualTo(oracle(freshHeap(), heap.universe(), "via", 100));
  }

  /** Rows from this one on are compared without members (a row of many finds them by a pass). */
  private static final int ROWS_WITH_MEMBERS = 40;

  /** What a row shows: key, label, count, size and members (null past {@link #ROWS_WITH_MEMBERS}). */
  record RowFacts(long key, String label, long count, long size, NodeSet members) {}

  private static List<RowFacts> facts(List<Row> rows) {
    List<RowFacts> facts = new ArrayList<>(rows.size());
    for (Row row : rows) {
      NodeSet members = facts.size() < ROWS_WITH_MEMBERS ? row.members() : null;
      facts.add(new RowFacts(row.key(), row.label(), row.count(), row.size(), members));
    }
    return facts;
  }

  /** The rows as one plain pass of {@code key(node)} gives them. */
  private static List<RowFacts> oracle(Heap heap, NodeSet set, String name, int maxKept) {
    Relation relation = heap.relations().get(name);
    Map<Long, long[]> totals = new LinkedHashMap<>();
    Map<Long, NodeSet.Builder> members = new LinkedHashMap<>();
    set.forEach(node -> {
      long key = relation.key(node);
      long[] total = totals.computeIfAbsent(key, k -> new long[2]);
      total[0]++;
      total[1] += heap.dump().shallowSize(node);
      members.computeIfAbsent(key, k -> NodeSet.builder()).add(node);
    });
    List<RowFacts> rows = new ArrayList<>();
    for (var entry : totals.entrySet()) {
      long key = entry.getKey();
      rows.add(new RowFacts(key, relation.label(key), entry.getValue()[0], entry.getValue()[1], members.get(key).build()));
    }
    boolean bySize = relation.ordersRowsBySize();
    if (rows.size() <= maxKept) {
      rows.sort((a, b) -> {
        int order = bySize ? Long.compare(b.size(), a.size()) : 0;
        return order != 0 ? order : relation.compareRows(
            Row.of(a.key(), a.label(), a.members(), a.size()), Row.of(b.key(), b.label(), b.members(), b.size()));
      });
    } else {
      rows.sort((a, b) -> {
        int order = bySize ? Long.compare(b.size(), a.size()) : 0;
        return order != 0 ? order : Long.compare(a.key(), b.key());
      });
    }
    List<RowFacts> shown = new ArrayList<>(rows.size());
    for (RowFacts row : rows) {
      shown.add(shown.size() < ROWS_WITH_MEMBERS ? row
          : new RowFacts(row.key(), row.label(), row.count(), row.size(), null));
    }
    return shown;
  }
}
