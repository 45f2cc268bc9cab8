package org.hpq.equivalence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.hpq.hprof.HeapDump;
import org.hpq.hprof.OpenOptions;
import org.hpq.testkit.ChildJvmDump;
import org.hpq.testkit.HeapDumpResult;
import org.hpq.testkit.workloads.KnownGraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Relations and paths on a real JVM's dump of {@link KnownGraph}. */
class KnownGraphTest {
  private static final String ITEM = KnownGraph.ITEM_CLASS_NAME;

  @TempDir static Path folder;
  static HeapDumpResult result;
  static HeapDump dump;
  static Heap heap;

  @BeforeAll
  static void dumpChild() throws Exception {
    result = ChildJvmDump.of(KnownGraph.class).jvmOptions("-Xmx64m").dumpTo(folder.resolve("dump"));
    dump = HeapDump.open(result.dumpFile(), OpenOptions.defaults().withIndexDirectory(folder.resolve("index")));
    heap = Heap.of(dump);
  }

  @AfterAll
  static void close() throws Exception {
    dump.close();
  }

  private ObjectSet items() {
    return heap.heapSet().and(heap.kinds().type(ITEM));
  }

  @Test
  void theItemRowCountsEveryItem() {
    Row row = heap.heapSet().partition().rows().stream().filter(r -> r.label().equals(ITEM)).findFirst().orElseThrow();
    assertThat(row.count()).as(result.childOutput()).isEqualTo(KnownGraph.ITEM_COUNT);
    assertThat(row.size()).isEqualTo((long) KnownGraph.ITEM_COUNT * KnownGraph.ITEM_SIZE_COMPRESSED_OOPS);
    assertThat(row.count()).isEqualTo(result.histogram().instances(ITEM));
  }

  @Test
  void payloadsAreOwnedByTheirItems() {
    ObjectSet payloads = heap.heapSet().and(heap.kinds().clodo("byte[]", ITEM));
    assertThat(payloads.count()).isEqualTo(KnownGraph.ITEM_COUNT);
    assertThat(payloads.by("rcs").partition().rows()).singleElement()
        .satisfies(row -> assertThat(row.label()).isEqualTo(ITEM));
    assertThat(payloads.by("via").partition().rows()).singleElement()
        .satisfies(row -> assertThat(row.label()).isEqualTo(".payload"));
    assertThat(payloads.owners()).isEqualTo(items());
    assertThat(items().maprox("payload")).isEqualTo(payloads);
  }

  @Test
  void theRingRetainsNothingPerItemButEverythingTogether() {
    ObjectSet items = items();
    ObjectSet first = items.and(heap.kinds().type(ITEM)).row(0).by("id").row(0);
    assertThat(first.theOneView().field("next")).isInstanceOf(ObjectSet.class);
    // Each item is referred to by the list, the ring and (for half) the map: no item dominates another.
    assertThat(items.dominos().and(heap.kinds().type(ITEM))).isEqualTo(items);
    assertThat(items.sp().found()).isTrue();
  }

  @Test
  void theLocalOnlyObjectIsHeldByMainsFrame() {
    ObjectSet local = heap.heapSet().and(heap.kinds().type(KnownGraph.LOCAL_ONLY_CLASS_NAME));
    assertThat(local.count()).isEqualTo(KnownGraph.LOCAL_ONLY_COUNT);
    assertThat(local.by("root").partition().rows().get(0).label()).isEqualTo("<root: Java frame>");
    assertThat(local.sp().chains()).singleElement().asString().startsWith("<root: Java frame").contains("main");
  }
}
