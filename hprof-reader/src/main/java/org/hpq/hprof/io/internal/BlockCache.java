package org.hpq.hprof.io.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The most recently used inflated blocks, by member number. Thread-safe; the arrays handed out must
 * not be modified.
 */
public final class BlockCache {
  private final LinkedHashMap<Integer, byte[]> blocks;

  /** A cache holding at most {@code capacity} blocks. */
  public BlockCache(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity " + capacity);
    }
    this.blocks =
        new LinkedHashMap<>(capacity * 2, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Integer, byte[]> eldest) {
            return size() > capacity;
          }
        };
  }

  /** The block of member {@code member}, or {@code null} when not cached. */
  public synchronized byte[] getOrNull(int member) {
    return blocks.get(member);
  }

  /** Caches {@code block} as member {@code member}'s, evicting the least recently used. */
  public synchronized void put(int member, byte[] block) {
    blocks.put(member, block);
  }

  /** Drops every block. */
  public synchronized void clear() {
    blocks.clear();
  }
}
