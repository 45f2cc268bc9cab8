package org.hpq.hprof.internal;

import java.util.List;
import org.hpq.hprof.BasicType;
import org.hpq.hprof.FieldInfo;
import org.hpq.hprof.JavaClass;
import org.hpq.hprof.SizeModel;
import org.hpq.hprof.store.LongArray;

/**
 * Finds the size model of a 64-bit dump from the gaps between consecutive object addresses: no
 * object can be larger than the distance to the next one, so a model under which some object
 * would overlap its neighbour is wrong. Of the models that fit every gap, the one that explains
 * the most gaps exactly wins (a compacted heap has mostly exact gaps).
 */
final class SizeModelDetector {
  private static final List<SizeModel> CANDIDATES =
      List.of(SizeModel.UNCOMPRESSED, SizeModel.WIDE_REFERENCES, SizeModel.COMPRESSED, SizeModel.COMPACT_HEADERS);
  private static final int SAMPLE = 500_000;

  private SizeModelDetector() {}

  static SizeModel detect(HprofCursor in, IdIndex ids, LongArray offsets, ClassTable provisional) {
    if (in.idSize() == 4) {
      return SizeModel.BITS_32;
    }
    int count = Math.min(ids.count() - 1, SAMPLE);
    long[] violations = new long[CANDIDATES.size()];
    long[] exact = new long[CANDIDATES.size()];
    for (int i = 0; i < count; i++) {
      long gap = ids.id(i + 1) - ids.id(i);
      in.seek(offsets.get(i));
      int tag = in.u1();
      long primitiveBytes;
      long references;
      boolean array;
      switch (tag) {
        case SubRecordReader.INSTANCE_DUMP -> {
          in.id();
          in.i4();
          JavaClass javaClass = provisional.classOrNull(ids.indexOf(in.id()));
          if (javaClass == null) {
            continue;
          }
          primitiveBytes = 0;
          references = 0;
          for (FieldInfo field : javaClass.allFields()) {
            if (field.type() == BasicType.OBJECT) {
              references++;
            } else {
              primitiveBytes += field.type().size();
            }
          }
          array = false;
        }
        case SubRecordReader.OBJECT_ARRAY_DUMP -> {
          in.id();
          in.i4();
          references = in.u4();
          primitiveBytes = 0;
          array = true;
        }
        case SubRecordReader.PRIMITIVE_ARRAY_DUMP -> {
          in.id();
          in.i4();
          long length = in.u4();
          primitiveBytes = length * BasicType.ofTagOrNull(in.u1()).size();
          references = 0;
          array = true;
        }
        default -> {
          continue;
        }
      }
      for (int m = 0; m < CANDIDATES.size(); m++) {
        SizeModel model = CANDIDATES.get(m);
        long size =
            model.align(
                (array ? model.arrayHeaderSize() : model.headerSize())
                    + primitiveBytes
                    + references * model.referenceSize());
        if (gap < size) {
          violations[m]++;
        } else if (gap == size) {
          exact[m]++;
        }
      }
    }
    int best = -1;
    for (int m = 0; m < CANDIDATES.size(); m++) {
      if (violations[m] <= count / 10_000 && (best < 0 || exact[m] > exact[best])) {
        best = m;
      }
    }
    return best < 0 ? SizeModel.COMPRESSED : CANDIDATES.get(best);
  }
}
