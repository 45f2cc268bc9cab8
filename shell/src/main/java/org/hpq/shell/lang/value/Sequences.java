package org.hpq.shell.lang.value;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.hpq.shell.lang.EvaluationError;
import org.hpq.shell.lang.Indices;
import org.hpq.shell.lang.ShellValue;
import org.hpq.shell.lang.SliceBounds;

/** Shared code of strings, lists and tuples. */
final class Sequences {
  private Sequences() {}

  /** The int of an index expression, or an error naming the sequence. */
  static long indexKey(ShellValue key, String what) {
    if (key instanceof IntValue index) {
      return index.value();
    }
    throw new EvaluationError(what + " indices must be integers, not '" + key.type().name() + "'");
  }

  /** Calls {@code action} with each index the slice selects, in order. */
  static void forEachSelected(SliceBounds bounds, int length, IntConsumer action) {
    long[] resolved = bounds.indices(length);
    long count = bounds.count(length);
    for (long step = 0, index = resolved[0]; step < count; step++, index += resolved[2]) {
      action.accept((int) index);
    }
  }

  /** The elements a slice selects. */
  static List<ShellValue> slice(List<ShellValue> elements, SliceBounds bounds) {
    List<ShellValue> result = new ArrayList<>();
    forEachSelected(bounds, elements.size(), index -> result.add(elements.get(index)));
    return result;
  }

  /** The element at a Python index. */
  static ShellValue index(List<ShellValue> elements, ShellValue key, String what) {
    long index = Indices.resolve(indexKey(key, what), elements.size(), what);
    return elements.get((int) index);
  }

  /** Elements joined by ", " in their repr. */
  static String join(List<ShellValue> elements) {
    StringBuilder text = new StringBuilder();
    for (ShellValue element : elements) {
      if (text.length() > 0) {
        text.append(", ");
      }
      text.append(element.repr());
    }
    return text.toString();
  }

  /** Writes the elements as a JSON array. */
  static void writeArray(List<ShellValue> elements, JsonGenerator generator) throws IOException {
    generator.writeStartArray();
    for (ShellValue element : elements) {
      element.writeJson(generator);
    }
    generator.writeEndArray();
  }
}
