package org.hpq.equivalence.internal;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.util.Arrays;
import java.util.List;
import org.hpq.setalgebra.NodeSet;

/**
 * Count, size and (while kept) members of each class of a partition pass, for one worker. Keys
 * that are dense small numbers ({@link BulkKeys#denseSlot}) and batch-local keys ({@link
 * BulkKeys#localIndex}) are counted in plain arrays indexed by the number, other keys through a
 * hash table into parallel arrays: no object per class except member lists, and no lookup at all
 * for a run of objects of one class. Past {@code maxKeptClasses} classes the member lists are
 * dropped. Not thread-safe.
 */
public final class ClassTally {
  /** How far past the end of a dense region a new index may lie and still be counted densely. */
  private static final int DENSE_SLACK = 1 << 16;

  /** Dense regions grow to this length at once if asked, for a set at least as large. */
  private static final int DENSE_REACH = 1 << 23;

  private final BulkKeys bulk;
  private final int maxKeptClasses;
  /** Dense indexes below this are always counted densely; past it only near a region's end. */
  private final int denseReach;
  private boolean keepMembers = true;
  private int classes;

  private final Long2IntOpenHashMap slots = new Long2IntOpenHashMap();
  private final Counts hashed = new Counts(true);
  private final Counts[] dense;
  private final Counts local = new Counts(true);

  /** The class of the last key (null before the first): {@code lastCounts} at {@code lastSlot}. */
  private long lastKey;
  private Counts lastCounts;
  private int lastSlot;

  /** Recent keys and where they are counted (classes never move, so entries stay right). */
  private static final int RECENT_BITS = 10;
  private final long[] recentKeys = new long[1 << RECENT_BITS];
  private final Counts[] recentCounts = new Counts[1 << RECENT_BITS];
  private final int[] recentSlots = new int[1 << RECENT_BITS];

  /**
   * @param bulk the relation's bulk keys (dense and local keys), or null when it has none
   * @param setSize the number of objects of the whole pass: dense regions grow to at most about
   *     that (up to {@value #DENSE_REACH}) at once, so memory stays in proportion to the set
   */
  ClassTally(BulkKeys bulk, int maxKeptClasses, long setSize) {
    this.bulk = bulk;
    this.maxKeptClasses = maxKeptClasses;
    this.denseReach = (int) Math.min(setSize, DENSE_REACH);
    this.dense = new Counts[bulk == null ? 0 : bulk.denseRegions()];
    for (int r = 0; r < dense.length; r++) {
      dense[r] = new Counts(false);
    }
    slots.defaultReturnValue(-1);
  }

  /** Counts {@code node} of shallow size {@code size} in the class {@code key}. */
  void add(long key, int node, long size) {
    if (lastCounts == null || key != lastKey) {
      recall(key);
    }
    Counts counts = lastCounts;
    int slot = lastSlot;
    counts.counts[slot]++;
    counts.sizes[slot] += size;
    if (keepMembers) {
      counts.members[slot].add(node);
    }
  }

  /** Makes {@code key} the last key, through a small cache of recent keys before the tables. */
  private void recall(long key) {
    int line = (int) ((key * 0x9E3779B97F4A7C15L) >>> (64 - RECENT_BITS));
    if (recentCounts[line] != null && recentKeys[line] == key) {
      lastKey = key;
      lastCounts = recentCounts[line];
      lastSlot = recentSlots[line];
      return;
    }
    find(key, true);
    recentKeys[line] = key;
    recentCounts[line] = lastCounts;
    recentSlots[line] = lastSlot;
  }

  /**
   * Makes {@code key} the last key, adding its class (count 0) if new, with an empty member list
   * if {@code withMembers} and members are kept.
   */
  private void find(long key, boolean withMembers) {
    lastKey = key;
    if (bulk != null) {
      int index = bulk.localIndex(key);
      if (index >= 0) {
        place(local, index, key, withMembers);
        return;
      }
      long slot = bulk.denseSlot(key);
      if (slot >= 0) {
        Counts region = dense[(int) (slot >>> 32)];
        index = (int) slot;
        // A key once counted in the hash table (too far past the region's end then) stays there.
        boolean near = index < region.counts.length + DENSE_SLACK || index < denseReach;
        if (near && !(region.spilled && slots.containsKey(key))) {
          place(region, index, key, withMembers);
          return;
        }
        region.spilled = true;
      }
    }
    int slot = slots.get(key);
    if (slot < 0) {
      slot = slots.size();
      slots.put(key, slot);
      place(hashed, slot, key, withMembers);
      return;
    }
    lastCounts = hashed;
    lastSlot = slot;
  }

  private void place(Counts counts, int index, long key, boolean withMembers) {
    if (index >= counts.counts.length) {
      counts.grow(index + 1, keepMembers);
    }
    if (counts.counts[index] == 0) {
      newClass();
      if (counts.keys != null) {
        counts.keys[index] = key;
      }
      if (keepMembers && withMembers) {
        counts.members[index] = new MemberList();
      }
    }
    lastCounts = counts;
    lastSlot = index;
  }

  private void newClass() {
    if (keepMembers && classes >= maxKeptClasses) {
      keepMembers = false;
      hashed.members = null;
      local.members = null;
      for (Counts region : dense) {
        region.members = null;
      }
    }
    classes++;
  }

  /**
   * One tally of the classes of {@code tallies} (one per batch, in the batches' order), local keys
   * resolved by {@code settlement} (null when there are none); classes whose keys meet are added
   * up. The tallies must not be used afterwards.
   */
  static ClassTally merge(List<ClassTally> tallies, BulkKeys.Settlement settlement, BulkKeys bulk, int maxKeptClasses) {
    if (tallies.size() == 1 && settlement == null) {
      return tallies.get(0);
    }
    ClassTally result = new ClassTally(bulk, maxKeptClasses, tallies.get(0).denseReach);
    for (ClassTally tally : tallies) {
      result.keepMembers &= tally.keepMembers;
    }
    for (int r = 0; r < result.dense.length; r++) {
      Counts longest = tallies.get(0).dense[r];
      for (ClassTally tally : tallies) {
        if (tally.dense[r].counts.length > longest.counts.length) {
          longest = tally.dense[r];
        }
      }
      Counts region = result.dense[r];
      region.counts = longest.counts;
      region.sizes = longest.sizes;
      region.members = result.keepMembers ? longest.members : null;
      for (ClassTally tally : tallies) {
        Counts other = tally.dense[r];
        if (other == longest) {
          continue;
        }
        for (int i = 0; i < other.counts.length; i++) {
          if (other.counts[i] != 0) {
            region.counts[i] += other.counts[i];
            region.sizes[i] += other.sizes[i];
            if (result.keepMembers) {
              region.members[i] = MemberList.union(region.members[i], other.members[i]);
            }
          }
        }
      }
      for (int count : region.counts) {
        if (count != 0) {
          result.newClass();
        }
      }
    }
    for (ClassTally tally : tallies) {
      Counts counts = tally.hashed;
      for (int slot = 0, n = tally.slots.size(); slot < n; slot++) {
        result.addClass(counts.keys[slot], counts, slot, tally.keepMembers);
      }
    }
    mergeLocal(result, tallies, settlement);
    return result;
  }

  /**
   * Adds the batch-local classes of {@code tallies} under their settled keys, growing dense
   * regions once to take them.
   */
  private static void mergeLocal(ClassTally result, List<ClassTally> tallies, BulkKeys.Settlement settlement) {
    if (settlement == null) {
      return;
    }
    BulkKeys bulk = result.bulk;
    long[][] settled = new long[tallies.size()][];
    int[] largest = new int[result.dense.length];
    Arrays.fill(largest, -1);
    long entries = 0;
    for (int t = 0; t < tallies.size(); t++) {
      Counts counts = tallies.get(t).local;
      settled[t] = new long[counts.counts.length];
      for (int index = 0; index < counts.counts.length; index++) {
        if (counts.counts[index] != 0) {
          long key = settlement.key(t, index);
          settled[t][index] = key;
          entries++;
          long slot = bulk.denseSlot(key);
          if (slot >= 0) {
            int region = (int) (slot >>> 32);
            largest[region] = Math.max(largest[region], (int) slot);
          }
        }
      }
    }
    for (int r = 0; r < result.dense.length; r++) {
      Counts region = result.dense[r];
      if (largest[r] >= region.counts.length
          && (largest[r] < region.counts.length + entries + DENSE_SLACK || largest[r] < result.denseReach)) {
        region.grow(largest[r] + 1, result.keepMembers);
      }
    }
    for (int t = 0; t < tallies.size(); t++) {
      ClassTally tally = tallies.get(t);
      Counts counts = tally.local;
      for (int index = 0; index < counts.counts.length; index++) {
        if (counts.counts[index] != 0) {
          result.addClass(settled[t][index], counts, index, tally.keepMembers);
        }
      }
    }
  }

  /** Adds the class at {@code index} of another tally's {@code counts} as the class {@code key}. */
  private void addClass(long key, Counts from, int index, boolean fromKeepsMembers) {
    Counts counts = null;
    int slot = -1;
    long dense = bulk == null ? -1 : bulk.denseSlot(key);
    if (dense >= 0) {
      // Within a region already long enough (and with nothing spilled): no lookup at all.
      Counts region = this.dense[(int) (dense >>> 32)];
      if ((int) dense < region.counts.length && !region.spilled) {
        counts = region;
        slot = (int) dense;
        if (counts.counts[slot] == 0) {
          newClass();
        }
      }
    }
    if (counts == null) {
      find(key, false);
      counts = lastCounts;
      slot = lastSlot;
    }
    counts.counts[slot] += from.counts[index];
    counts.sizes[slot] += from.sizes[index];
    if (keepMembers) {
      counts.members[slot] = MemberList.union(counts.members[slot], fromKeepsMembers ? from.members[index] : null);
    }
  }

  /** The classes in ascending key order: keys, counts, sizes and (when kept) member sets. */
  public Classes classes() {
    if (local.counts.length != 0) {
      throw new IllegalStateException("local keys not settled");
    }
    int hashCount = slots.size();
    long[] sortedHashKeys = Arrays.copyOf(hashed.keys, hashCount);
    Arrays.sort(sortedHashKeys);
    int n = classes;
    long[] keys = new long[n];
    int[] counts = new int[n];
    long[] sizes = new long[n];
    NodeSet[] members = keepMembers ? new NodeSet[n] : null;
    int at = 0;
    int h = 0;
    // Dense keys ascend across regions: interleave the sorted hashed keys with them.
    for (int r = 0; r < dense.length; r++) {
      Counts region = dense[r];
      for (int i = 0; i < region.counts.length; i++) {
        if (region.counts[i] == 0) {
          continue;
        }
        long denseKey = bulk.denseKey(r, i);
        for (; h < hashCount && sortedHashKeys[h] < denseKey; h++) {
          at = export(hashed, slots.get(sortedHashKeys[h]), sortedHashKeys[h], at, keys, counts, sizes, members);
        }
        at = export(region, i, denseKey, at, keys, counts, sizes, members);
      }
    }
    for (; h < hashCount; h++) {
      at = export(hashed, slots.get(sortedHashKeys[h]), sortedHashKeys[h], at, keys, counts, sizes, members);
    }
    if (at != n) {
      throw new IllegalStateException(at + " classes listed of " + n);
    }
    return new Classes(keys, counts, sizes, members);
  }

  private static int export(Counts from, int index, long key, int at, long[] keys, int[] counts, long[] sizes,
      NodeSet[] members) {
    keys[at] = key;
    counts[at] = from.counts[index];
    sizes[at] = from.sizes[index];
    if (members != null) {
      members[at] = from.members[index].toSet();
    }
    return at + 1;
  }

  /** The classes of a pass in ascending key order; {@code members} null when not kept. */
  public record Classes(long[] keys, int[] counts, long[] sizes, NodeSet[] members) {}

  /** Parallel arrays of counts, sizes, member lists and (where not implied) keys. */
  private static final class Counts {
    int[] counts = new int[0];
    long[] sizes = new long[0];
    MemberList[] members = new MemberList[0];
    long[] keys;
    /** Whether a key of this dense region was counted in the hash table instead. */
    boolean spilled;

    Counts(boolean withKeys) {
      keys = withKeys ? new long[0] : null;
    }

    void grow(int needed, boolean keepMembers) {
      int length = (int) Math.max(Math.max(needed, 16), Math.min(Integer.MAX_VALUE - 16, counts.length * 2L));
      counts = Arrays.copyOf(counts, length);
      sizes = Arrays.copyOf(sizes, length);
      members = keepMembers && members != null ? Arrays.copyOf(members, length) : null;
      if (keys != null) {
        keys = Arrays.copyOf(keys, length);
      }
    }
  }
}
