package org.hpq.equivalence.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.hpq.equivalence.Diff;
import org.hpq.equivalence.ObjectSet;
import org.hpq.equivalence.ObjectView;
import org.hpq.equivalence.Page;
import org.hpq.equivalence.Partition;
import org.hpq.equivalence.ReferenceChains;
import org.hpq.equivalence.ReferencePattern;
import org.hpq.equivalence.Row;
import org.hpq.equivalence.Stat;
import org.hpq.equivalence.StatRow;
import org.hpq.equivalence.Steps;
import org.hpq.setalgebra.Kind;

/**
 * The values of the equivalence layer as JSON (the shell's {@code --json}), written with
 * jackson-core's streaming {@link JsonGenerator}. A set or partition is
 *
 * <pre>{@code
 * {"count":3,"size":96,"relation":"clodo","rows":[{"index":0,"count":2,"size":64,"label":"com.example.Item"}, ...]}
 * }</pre>
 *
 * with all rows, or the first {@code limit} ({@code "more"} then says how many were left out).
 * Stats have the same shape; a diff adds {@code a} and {@code b} summaries; see each method for
 * the other shapes. Stateless and thread-safe.
 */
public final class JsonValues {
  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonValues() {}

  /**
   * {@code value} as one line of JSON: an {@link ObjectSet}, {@link Stat}, {@link Diff}, {@link
   * ObjectView}, {@link ReferenceChains}, {@link Steps}, {@link ReferencePattern}, a {@link Page}
   * of one of them (its rows), a {@link Kind} (as {@code {"kind": text}}), a string, number,
   * boolean or null. {@code limit} bounds the rows of tables (negative: all).
   *
   * @throws IllegalArgumentException for another type
   */
  public static String toJson(Object value, int limit) {
    StringWriter text = new StringWriter();
    try (JsonGenerator generator = FACTORY.createGenerator(text)) {
      write(generator, value, limit);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  /** Writes {@code value} (see {@link #toJson}) to {@code generator}. */
  public static void write(JsonGenerator generator, Object value, int limit) throws IOException {
    if (value == null) {
      generator.writeNull();
    } else if (value instanceof ObjectSet set) {
      writeSet(generator, set, 0, limit);
    } else if (value instanceof Stat stat) {
      writeStat(generator, stat, 0, limit);
    } else if (value instanceof Diff diff) {
      writeDiff(generator, diff, 0, limit);
    } else if (value instanceof ObjectView view) {
      writeObject(generator, view);
    } else if (value instanceof ReferenceChains chains) {
      writeChains(generator, chains);
    } else if (value instanceof Steps steps) {
      writeSteps(generator, steps, 0, limit);
    } else if (value instanceof ReferencePattern pattern) {
      writePattern(generator, pattern, 0, limit);
    } else if (value instanceof Page page) {
      writePage(generator, page);
    } else if (value instanceof Kind kind) {
      generator.writeStartObject();
      generator.writeStringField("kind", kind.toString());
      generator.writeEndObject();
    } else if (value instanceof String string) {
      generator.writeString(string);
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      generator.writeNumber(((Number) value).longValue());
    } else if (value instanceof Double || value instanceof Float) {
      generator.writeNumber(((Number) value).doubleValue());
    } else if (value instanceof Boolean bool) {
      generator.writeBoolean(bool);
    } else if (value instanceof Character character) {
      generator.writeString(character.toString());
    } else {
      throw new IllegalArgumentException("no JSON form for " + value.getClass().getName());
    }
  }

  private static void writePage(JsonGenerator generator, Page page) throws IOException {
    Object source = page.source();
    int start = page.start();
    int limit = page.maxRows();
    if (source instanceof ObjectSet set) {
      writeSet(generator, set, start, limit);
    } else if (source instanceof Stat stat) {
      writeStat(generator, stat, start, limit);
    } else if (source instanceof Diff diff) {
      writeDiff(generator, diff, start, limit);
    } else if (source instanceof Steps steps) {
      writeSteps(generator, steps, start, limit);
    } else if (source instanceof ReferencePattern pattern) {
      writePattern(generator, pattern, start, limit);
    } else {
      write(generator, source, limit);
    }
  }

  private static int end(int size, int start, int limit) {
    return limit < 0 ? size : (int) Math.min(size, (long) start + limit);
  }

  /** {@code {"count","size","relation","rows":[{"index","count","size","label"}],"more"?}}. */
  public static void writeSet(JsonGenerator generator, ObjectSet set, int start, int limit) throws IOException {
    Partition partition = set.partition();
    generator.writeStartObject();
    generator.writeNumberField("count", partition.count());
    generator.writeNumberField("size", partition.size());
    generator.writeStringField("relation", partition.relation().name());
    List<Row> rows = partition.rows();
    int end = end(rows.size(), start, limit);
    generator.writeArrayFieldStart("rows");
    for (int index = start; index < end; index++) {
      Row row = rows.get(index);
      writeRow(generator, index, row.count(), row.size(), row.label());
    }
    generator.writeEndArray();
    if (end < rows.size()) {
      generator.writeNumberField("more", rows.size() - end);
    }
    generator.writeEndObject();
  }

  private static void writeRow(JsonGenerator generator, int index, long count, long size, String label)
      throws IOException {
    generator.writeStartObject();
    generator.writeNumberField("index", index);
    generator.writeNumberField("count", count);
    generator.writeNumberField("size", size);
    generator.writeStringField("label", label);
    generator.writeEndObject();
  }

  private static void writeRows(JsonGenerator generator, List<StatRow> rows, int start, int limit)
      throws IOException {
    int end = end(rows.size(), start, limit);
    generator.writeArrayFieldStart("rows");
    for (int index = start; index < end; index++) {
      StatRow row = rows.get(index);
      writeRow(generator, index, row.count(), row.size(), row.label());
    }
    generator.writeEndArray();
    if (end < rows.size()) {
      generator.writeNumberField("more", rows.size() - end);
    }
  }

  /** A stat: the same shape as a set. */
  public static void writeStat(JsonGenerator generator, Stat stat, int start, int limit) throws IOException {
    generator.writeStartObject();
    generator.writeNumberField("count", stat.count());
    generator.writeNumberField("size", stat.size());
    generator.writeStringField("relation", stat.relation());
    writeRows(generator, stat.rows(), start, limit);
    generator.writeEndObject();
  }

  /** {@code {"a":{"count","size"},"b":{...},"count","size","relation","rows":[...]}}: rows are A - B. */
  public static void writeDiff(JsonGenerator generator, Diff diff, int start, int limit) throws IOException {
    generator.writeStartObject();
    for (String name : new String[] {"a", "b"}) {
      Stat stat = name.equals("a") ? diff.a() : diff.b();
      generator.writeObjectFieldStart(name);
      generator.writeNumberField("count", stat.count());
      generator.writeNumberField("size", stat.size());
      generator.writeEndObject();
    }
    generator.writeNumberField("count", diff.count());
    generator.writeNumberField("size", diff.size());
    generator.writeStringField("relation", diff.a().relation());
    writeRows(generator, diff.rows(), start, limit);
    generator.writeEndObject();
  }

  /**
   * {@code {"id":"0x..","type","shallowSize","retainedSize","string"?,"length"?,"elements"?,
   * "fields":[{"name","type","value","target"?}]}}: values as texts, targets as ids in hex.
   */
  public static void writeObject(JsonGenerator generator, ObjectView view) throws IOException {
    generator.writeStartObject();
    generator.writeStringField("id", view.address());
    generator.writeStringField("type", view.typeName());
    generator.writeNumberField("shallowSize", view.shallowSize());
    generator.writeNumberField("retainedSize", view.retainedSize());
    String string = view.stringValue();
    if (string != null) {
      generator.writeStringField("string", string);
    }
    if (view.arrayLength() >= 0) {
      generator.writeNumberField("length", view.arrayLength());
      generator.writeArrayFieldStart("elements");
      for (String element : view.elements(ObjectView.SHOWN_ELEMENTS)) {
        generator.writeString(element);
      }
      generator.writeEndArray();
    }
    generator.writeArrayFieldStart("fields");
    for (ObjectView.FieldView field : view.fields()) {
      generator.writeStartObject();
      generator.writeStringField("name", field.name());
      generator.writeStringField("type", field.type());
      generator.writeStringField("value", field.text());
      if (field.isReference() && field.target() >= 0) {
        generator.writeStringField("target", String.format("0x%x", (Long) field.value()));
      }
      generator.writeEndObject();
    }
    generator.writeEndArray();
    generator.writeEndObject();
  }

  /** {@code {"length","pathCount","targetCount","paths":["<root: ...>.a.b", ...]}}. */
  public static void writeChains(JsonGenerator generator, ReferenceChains chains) throws IOException {
    generator.writeStartObject();
    generator.writeNumberField("length", chains.length());
    generator.writeNumberField("pathCount", chains.pathCount());
    generator.writeNumberField("targetCount", chains.targetCount());
    generator.writeArrayFieldStart("paths");
    for (String chain : chains.chains()) {
      generator.writeString(chain);
    }
    generator.writeEndArray();
    generator.writeEndObject();
  }

  /** {@code {"count","references":[{"source":"0x..","label","target":"0x.."}],"more"?}}. */
  public static void writeSteps(JsonGenerator generator, Steps steps, int start, int limit) throws IOException {
    generator.writeStartObject();
    generator.writeNumberField("count", steps.count());
    int end = end(steps.count(), start, limit);
    generator.writeArrayFieldStart("references");
    for (int index = start; index < end; index++) {
      Steps.Step step = steps.step(index);
      generator.writeStartObject();
      generator.writeStringField("source", steps.address(step.source()));
      generator.writeStringField("label", step.label());
      generator.writeStringField("target", steps.address(step.target()));
      generator.writeEndObject();
    }
    generator.writeEndArray();
    if (end < steps.count()) {
      generator.writeNumberField("more", steps.count() - end);
    }
    generator.writeEndObject();
  }

  /**
   * {@code {"relation","depth","rows":[{"index","name","depth","marker","count","size","label"}],
   * "complete"}}: rows generated as far as the limit asks (all when negative).
   */
  public static void writePattern(JsonGenerator generator, ReferencePattern pattern, int start, int limit)
      throws IOException {
    generator.writeStartObject();
    generator.writeStringField("relation", pattern.set().relation().name());
    generator.writeNumberField("depth", pattern.depth());
    generator.writeArrayFieldStart("rows");
    int end = limit < 0 ? Integer.MAX_VALUE : (int) Math.min(Integer.MAX_VALUE, (long) start + limit);
    for (int index = start; index < end; index++) {
      ReferencePattern.PatternRow row;
      try {
        row = pattern.row(index);
      } catch (IndexOutOfBoundsException e) {
        break;
      }
      generator.writeStartObject();
      generator.writeNumberField("index", row.index());
      generator.writeStringField("name", row.name());
      generator.writeNumberField("depth", row.depth());
      generator.writeStringField("marker", row.marker());
      generator.writeNumberField("count", row.set().count());
      generator.writeNumberField("size", row.set().size());
      generator.writeStringField("label", row.label());
      generator.writeEndObject();
    }
    generator.writeEndArray();
    generator.writeBooleanField("complete", pattern.isComplete());
    generator.writeEndObject();
  }
}
