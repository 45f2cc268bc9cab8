package org.hpq.testkit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A deliberately naive HPROF walker, written independently of the writer, used to check the
 * writer's output (and real JVM dumps) by walking records by their declared lengths.
 *
 * <p>Consecutive HEAP DUMP SEGMENT bodies are concatenated before walking sub-records, so
 * sub-records that cross segment boundaries parse.
 */
final class MinimalHprofScanner {
  record Record(int tag, long time, int offset, int length) {}

  record ClassDump(long id, long superId, long loaderId, long instanceSize, List<String> fields,
      List<Integer> fieldTypes, Map<String, Object> statics, int constantPoolCount) {}

  record Instance(long id, int trace, long classId, byte[] fieldBytes) {}

  record Array(long id, long classIdOrType, int length, byte[] elements, boolean primitive) {}

  final String formatName;
  final int idSize;
  final long timestamp;
  final List<Record> records = new ArrayList<>();
  final Map<Integer, Integer> recordCounts = new TreeMap<>();
  final Map<Integer, Integer> subRecordCounts = new TreeMap<>();
  final Map<Long, String> names = new HashMap<>();
  final Map<Long, String> classNames = new LinkedHashMap<>();
  final Map<Long, ClassDump> classes = new LinkedHashMap<>();
  final Map<Long, Instance> instances = new LinkedHashMap<>();
  final Map<Long, Array> arrays = new LinkedHashMap<>();
  final List<long[]> roots = new ArrayList<>(); // {tag, id}
  int heapDumps;

  private ByteBuffer buffer;

  MinimalHprofScanner(byte[] file) {
    ByteBuffer in = ByteBuffer.wrap(file);
    int nul = 0;
    while (file[nul] != 0) {
      nul++;
    }
    formatName = new String(file, 0, nul, StandardCharsets.US_ASCII);
    in.position(nul + 1);
    idSize = in.getInt();
    timestamp = in.getLong();
    ByteBuffer segments = null;
    while (in.hasRemaining()) {
      int offset = in.position();
      int tag = in.get() & 0xFF;
      long time = in.getInt() & 0xFFFFFFFFL;
      int length = in.getInt();
      byte[] body = new byte[length];
      in.get(body);
      records.add(new Record(tag, time, offset, length));
      recordCounts.merge(tag, 1, Integer::sum);
      if (tag == 0x1C) {
        segments = append(segments, body);
        continue;
      }
      if (segments != null) {
        walkHeapDump(segments.flip());
        segments = null;
      }
      ByteBuffer record = ByteBuffer.wrap(body);
      switch (tag) {
        case 0x01 -> names.put(id(record), utf8(record, record.remaining()));
        case 0x02 -> {
          record.getInt();
          long classId = id(record);
          record.getInt();
          classNames.put(classId, names.get(id(record)));
        }
        case 0x0C -> walkHeapDump(record);
        default -> { }
      }
    }
    if (segments != null) {
      walkHeapDump(segments.flip());
    }
  }

  private static ByteBuffer append(ByteBuffer segments, byte[] body) {
    ByteBuffer target = segments == null ? ByteBuffer.allocate(Math.max(1024, body.length)) : segments;
    if (target.remaining() < body.length) {
      ByteBuffer larger = ByteBuffer.allocate(Math.max(2 * target.capacity(), target.position() + body.length));
      larger.put(target.flip());
      target = larger;
    }
    return target.put(body);
  }

  private void walkHeapDump(ByteBuffer dump) {
    heapDumps++;
    buffer = dump;
    while (buffer.hasRemaining()) {
      int tag = buffer.get() & 0xFF;
      subRecordCounts.merge(tag, 1, Integer::sum);
      switch (tag) {
        case 0xFF, 0x05, 0x07, 0x89, 0x8A, 0x8B, 0x8C, 0x8D, 0x90 -> root(tag, 0);
        case 0x01 -> root(tag, idSize);
        case 0x02, 0x03, 0x08, 0x8E -> root(tag, 8);
        case 0x04, 0x06 -> root(tag, 4);
        case 0x20 -> classDump();
        case 0x21 -> {
          long id = id(buffer);
          int trace = buffer.getInt();
          long classId = id(buffer);
          byte[] fields = new byte[buffer.getInt()];
          buffer.get(fields);
          instances.put(id, new Instance(id, trace, classId, fields));
        }
        case 0x22 -> {
          long id = id(buffer);
          buffer.getInt();
          int length = buffer.getInt();
          long classId = id(buffer);
          byte[] elements = new byte[length * idSize];
          buffer.get(elements);
          arrays.put(id, new Array(id, classId, length, elements, false));
        }
        case 0x23, 0xC3 -> {
          long id = id(buffer);
          buffer.getInt();
          int length = buffer.getInt();
          int type = buffer.get();
          byte[] elements = new byte[tag == 0xC3 ? 0 : length * size(type)];
          buffer.get(elements);
          arrays.put(id, new Array(id, type, length, elements, true));
        }
        case 0xFE -> {
          buffer.getInt();
          id(buffer);
        }
        default -> throw new IllegalStateException(
            "unknown sub-record 0x" + Integer.toHexString(tag) + " at " + (buffer.position() - 1));
      }
    }
  }

  private void root(int tag, int extra) {
    roots.add(new long[] {tag, id(buffer)});
    buffer.position(buffer.position() + extra);
  }

  private void classDump() {
    long id = id(buffer);
    buffer.getInt();
    long superId = id(buffer);
    long loader = id(buffer);
    for (int i = 0; i < 4; i++) {
      id(buffer);
    }
    long instanceSize = buffer.getInt() & 0xFFFFFFFFL;
    int constantPool = buffer.getShort() & 0xFFFF;
    for (int i = 0; i < constantPool; i++) {
      buffer.getShort();
      value(buffer.get());
    }
    Map<String, Object> statics = new LinkedHashMap<>();
    int staticCount = buffer.getShort() & 0xFFFF;
    for (int i = 0; i < staticCount; i++) {
      String name = names.get(id(buffer));
      statics.put(name, value(buffer.get()));
    }
    List<String> fields = new ArrayList<>();
    List<Integer> types = new ArrayList<>();
    int fieldCount = buffer.getShort() & 0xFFFF;
    for (int i = 0; i < fieldCount; i++) {
      fields.add(names.get(id(buffer)));
      types.add((int) buffer.get());
    }
    classes.put(id, new ClassDump(id, superId, loader, instanceSize, fields, types, statics, constantPool));
  }

  private Object value(int type) {
    return switch (type) {
      case 2 -> id(buffer);
      case 4 -> buffer.get() != 0;
      case 5 -> buffer.getChar();
      case 6 -> buffer.getFloat();
      case 7 -> buffer.getDouble();
      case 8 -> buffer.get();
      case 9 -> buffer.getShort();
      case 10 -> buffer.getInt();
      case 11 -> buffer.getLong();
      default -> throw new IllegalStateException("bad type " + type);
    };
  }

  int size(int type) {
    return switch (type) {
      case 2 -> idSize;
      case 4, 8 -> 1;
      case 5, 9 -> 2;
      case 6, 10 -> 4;
      case 7, 11 -> 8;
      default -> throw new IllegalStateException("bad type " + type);
    };
  }

  long id(ByteBuffer from) {
    return idSize == 8 ? from.getLong() : from.getInt() & 0xFFFFFFFFL;
  }

  private static String utf8(ByteBuffer from, int length) {
    byte[] bytes = new byte[length];
    from.get(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** Class id of the class LOAD CLASS names {@code internalName}, or -1. */
  long classIdNamed(String internalName) {
    return classNames.entrySet().stream().filter(entry -> internalName.equals(entry.getValue()))
        .mapToLong(Map.Entry::getKey).findFirst().orElse(-1);
  }

  /** Number of INSTANCE DUMPs of the class LOAD CLASS names {@code internalName}. */
  long instanceCount(String internalName) {
    long classId = classIdNamed(internalName);
    return instances.values().stream().filter(instance -> instance.classId() == classId).count();
  }
}
