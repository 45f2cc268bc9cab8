package org.hpq.hprof.internal;

import java.util.ArrayDeque;

/**
 * A first-in first-out queue of ints on the heap, in chunks: a chunk is reused once read, so the
 * memory held follows the most ints queued at once, not the total ever queued.
 */
final class IntQueue {
  private static final int CHUNK = 1 << 16;

  private final ArrayDeque<int[]> chunks = new ArrayDeque<>();
  private final ArrayDeque<int[]> spare = new ArrayDeque<>();
  private int[] tail = new int[CHUNK];
  private int[] head = tail;
  private int tailSize;
  private int headIndex;
  private long size;

  IntQueue() {
    chunks.add(tail);
  }

  void add(int value) {
    if (tailSize == CHUNK) {
      int[] next = spare.isEmpty() ? new int[CHUNK] : spare.pop();
      chunks.add(next);
      tail = next;
      tailSize = 0;
    }
    tail[tailSize++] = value;
    size++;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** Removes and returns the oldest value; the queue must not be empty. */
  int remove() {
    if (headIndex == CHUNK) {
      spare.push(chunks.removeFirst());
      head = chunks.peekFirst();
      headIndex = 0;
    }
    size--;
    return head[headIndex++];
  }
}
