package org.hpq.hprof.realdumps;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.hpq.hprof.JavaClass;
import org.hpq.hprof.SizeModel;
import org.hpq.hprof.StaticField;

/**
 * The size HotSpot gives a class mirror ({@code java.lang.Class} instance), as a proposal for the
 * reader: a fixed base (the {@code java.lang.Class} instance with its injected fields, aligned),
 * then the real static fields placed first-fit in descending size order, the end aligned. The
 * dump's synthetic statics ({@code <resolved_references>}, {@code <init_lock>}) are not stored in
 * the mirror and do not count.
 */
final class MirrorSizes {
  private MirrorSizes() {}

  /** Mirror size of {@code javaClass} (null: a primitive type's mirror, no statics). */
  static long size(JavaClass javaClass, SizeModel model, long base) {
    List<Integer> sizes = new ArrayList<>();
    if (javaClass != null) {
      for (StaticField field : javaClass.statics()) {
        if (!field.name().startsWith("<")) {
          sizes.add(model.sizeOf(field.type()));
        }
      }
    }
    sizes.sort((a, b) -> b - a);
    return model.align(firstFit(base, sizes));
  }

  /** End offset after placing naturally aligned blocks first-fit after {@code [0, base)}. */
  private static long firstFit(long base, List<Integer> sizes) {
    TreeMap<Long, Long> holes = new TreeMap<>();
    long end = base;
    for (int size : sizes) {
      boolean placed = false;
      for (var hole : holes.entrySet()) {
        long start = (hole.getKey() + size - 1) / size * size;
        if (start + size <= hole.getValue()) {
          long holeStart = hole.getKey();
          long holeEnd = hole.getValue();
          holes.remove(holeStart);
          if (start > holeStart) {
            holes.put(holeStart, start);
          }
          if (start + size < holeEnd) {
            holes.put(start + size, holeEnd);
          }
          placed = true;
          break;
        }
      }
      if (!placed) {
        long start = (end + size - 1) / size * size;
        if (start > end) {
          holes.put(end, start);
        }
        end = start + size;
      }
    }
    return end;
  }
}
