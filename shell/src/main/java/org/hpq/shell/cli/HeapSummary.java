package org.hpq.shell.cli;

import org.hpq.hprof.HeapDump;

/** Counts over a whole dump, for the index summary. */
record HeapSummary(
    long instances,
    long arrays,
    long classes,
    long reachableCount,
    long reachableBytes,
    long unreachableCount,
    long unreachableBytes) {

  static HeapSummary of(HeapDump heap) {
    long instances = 0;
    long arrays = 0;
    long classes = 0;
    long reachable = 0;
    long reachableBytes = 0;
    long unreachable = 0;
    long unreachableBytes = 0;
    for (int object = 0; object < heap.objectCount(); object++) {
      switch (heap.kind(object)) {
        case INSTANCE -> instances++;
        case CLASS -> classes++;
        default -> arrays++;
      }
      if (heap.isReachable(object)) {
        reachable++;
        reachableBytes += heap.shallowSize(object);
      } else {
        unreachable++;
        unreachableBytes += heap.shallowSize(object);
      }
    }
    return new HeapSummary(instances, arrays, classes, reachable, reachableBytes, unreachable, unreachableBytes);
  }

}
