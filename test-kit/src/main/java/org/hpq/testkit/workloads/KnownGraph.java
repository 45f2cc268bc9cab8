package org.hpq.testkit.workloads;

import java.io.IOException;
import java.lang.ref.Reference;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hpq.testkit.ChildJvmProtocol;

/**
 * A child-JVM workload with a known object graph, for {@link org.hpq.testkit.ChildJvmDump}.
 *
 * <p>What it holds while waiting for the parent (the constants below are the exact counts):
 *
 * <ul>
 *   <li>{@link #items}: an {@code ArrayList} of {@value #ITEM_COUNT} {@link Item}s; item {@code i}
 *       has {@code id = i}, {@code name = "item-" + i} (a distinct String), a {@code byte[}{@value
 *       #ITEM_PAYLOAD_LENGTH}{@code ]} payload filled with {@code (byte) i}, and {@code next} =
 *       item {@code (i + 1) % ITEM_COUNT}: the items form one ring.
 *   <li>{@link #map}: a {@code HashMap<String, Item>} of {@value #MAP_ENTRY_COUNT} entries {@code
 *       "key-" + i -> item i} for {@code i < MAP_ENTRY_COUNT} (the same Item objects; new key
 *       Strings).
 *   <li>{@link #weak}: a {@code WeakReference} to the only {@link WeakTarget}, which nothing else
 *       references. It is created after a {@code System.gc()}, so a live dump (whose full GC
 *       clears it) has {@value #WEAK_TARGET_COUNT_LIVE} WeakTarget and a null referent, and an
 *       {@code -all} dump (no GC) has {@value #WEAK_TARGET_COUNT_ALL}.
 *   <li>{@link #longs}: a static {@code long[}{@value #LONG_ARRAY_LENGTH}{@code ]} with {@code
 *       longs[i] == i}.
 *   <li>one {@link LocalOnly} referenced only from a local variable of {@code main} (the main
 *       thread's frame): a ROOT JAVA FRAME of the main thread.
 *   <li>{@link #cycle}: two {@link CycleNode}s A and B with {@code A.other == B} and {@code
 *       B.other == A}; the static field holds A.
 * </ul>
 *
 * <p>Measured shallow sizes (GC.class_histogram, JDK 17 and 25, 64-bit, compressed class
 * pointers): Item is {@value #ITEM_SIZE_COMPRESSED_OOPS} bytes with compressed oops and {@value
 * #ITEM_SIZE_WITHOUT_COMPRESSED_OOPS} with {@code -XX:-UseCompressedOops}.
 */
public final class KnownGraph {
  /** Number of {@link Item} instances. */
  public static final int ITEM_COUNT = 1000;
  /** Length of every Item's payload array. */
  public static final int ITEM_PAYLOAD_LENGTH = 16;
  /** Number of entries in {@link #map}. */
  public static final int MAP_ENTRY_COUNT = 500;
  /** Length of {@link #longs}. */
  public static final int LONG_ARRAY_LENGTH = 12345;
  /** Number of {@link CycleNode} instances. */
  public static final int CYCLE_NODE_COUNT = 2;
  /** Number of {@link LocalOnly} instances. */
  public static final int LOCAL_ONLY_COUNT = 1;
  /** {@link WeakTarget} instances in a live dump. */
  public static final int WEAK_TARGET_COUNT_LIVE = 0;
  /** {@link WeakTarget} instances in an {@code -all} dump. */
  public static final int WEAK_TARGET_COUNT_ALL = 1;
  /** Item's shallow size with compressed oops: 12 header + 4 int + 3 * 4 references = 28 -> 32. */
  public static final int ITEM_SIZE_COMPRESSED_OOPS = 32;
  /** Item's shallow size without compressed oops: 12 header + 4 int + 3 * 8 references = 40. */
  public static final int ITEM_SIZE_WITHOUT_COMPRESSED_OOPS = 40;
  /** Binary name of {@link Item}, as histograms print it. */
  public static final String ITEM_CLASS_NAME = "org.hpq.testkit.workloads.KnownGraph$Item";
  /** Binary name of {@link CycleNode}. */
  public static final String CYCLE_NODE_CLASS_NAME = "org.hpq.testkit.workloads.KnownGraph$CycleNode";
  /** Binary name of {@link WeakTarget}. */
  public static final String WEAK_TARGET_CLASS_NAME = "org.hpq.testkit.workloads.KnownGraph$WeakTarget";
  /** Binary name of {@link LocalOnly}. */
  public static final String LOCAL_ONLY_CLASS_NAME = "org.hpq.testkit.workloads.KnownGraph$LocalOnly";

  /** The items, in id order. */
  static List<Item> items;
  /** Keys {@code "key-" + i} to item i. */
  static Map<String, Item> map;
  /** {@code longs[i] == i}. */
  static long[] longs;
  /** Node A of the A -> B -> A cycle. */
  static CycleNode cycle;
  /** The weak reference to the only WeakTarget. */
  static WeakReference<WeakTarget> weak;

  private KnownGraph() {}

  /** A record-like node of the item ring. */
  static final class Item {
    final int id;
    final String name;
    final byte[] payload;
    Item next;

    Item(int id, String name, byte[] payload) {
      this.id = id;
      this.name = name;
      this.payload = payload;
    }
  }

  /** One of the two nodes of the cycle. */
  static final class CycleNode {
    CycleNode other;
  }

  /** Referenced only by {@link #weak}. */
  static final class WeakTarget {
    final long value = 7;
  }

  /** Referenced only from a local variable of {@code main}. */
  static final class LocalOnly {
    final int value;

    LocalOnly(int value) {
      this.value = value;
    }
  }

  /** Builds the graph, then serves {@link ChildJvmProtocol#awaitParent()}. */
  public static void main(String[] args) throws IOException {
    build();
    LocalOnly local = new LocalOnly(42);
    System.gc();
    weak = new WeakReference<>(new WeakTarget());
    ChildJvmProtocol.awaitParent();
    Reference.reachabilityFence(local);
  }

  private static void build() {
    List<Item> items = new ArrayList<>(ITEM_COUNT);
    for (int i = 0; i < ITEM_COUNT; i++) {
      byte[] payload = new byte[ITEM_PAYLOAD_LENGTH];
      java.util.Arrays.fill(payload, (byte) i);
      items.add(new Item(i, "item-" + i, payload));
    }
    for (int i = 0; i < ITEM_COUNT; i++) {
      items.get(i).next = items.get((i + 1) % ITEM_COUNT);
    }
    Map<String, Item> map = new HashMap<>();
    for (int i = 0; i < MAP_ENTRY_COUNT; i++) {
      map.put("key-" + i, items.get(i));
    }
    long[] longs = new long[LONG_ARRAY_LENGTH];
    for (int i = 0; i < longs.length; i++) {
      longs[i] = i;
    }
    CycleNode a = new CycleNode();
    CycleNode b = new CycleNode();
    a.other = b;
    b.other = a;
    KnownGraph.items = items;
    KnownGraph.map = map;
    KnownGraph.longs = longs;
    cycle = a;
  }
}
