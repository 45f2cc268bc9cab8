package org.hpq.testkit;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.hpq.testkit.internal.ByteSink;
import org.hpq.testkit.internal.IdAllocator;

/**
 * Encodes the top-level records that name things for {@link HprofWriter}: UTF8 strings (with
 * one automatic id per distinct text), LOAD and UNLOAD CLASS, STACK FRAME and STACK TRACE.
 *
 * <p>Each method writes one record to the {@link RecordOutput}, every field as given. Not
 * thread-safe.
 */
final class TopLevelRecords {
  static final int UTF8 = 0x01;
  static final int LOAD_CLASS = 0x02;
  static final int UNLOAD_CLASS = 0x03;
  static final int STACK_FRAME = 0x04;
  static final int STACK_TRACE = 0x05;

  private final RecordOutput output;
  private final IdAllocator nameIds;
  private final Map<String, Long> nameIdsByText = new HashMap<>();

  /** Name ids come from a range of their own, far from the automatic object ids. */
  TopLevelRecords(RecordOutput output) {
    this.output = output;
    this.nameIds = new IdAllocator(output.identifierSize() >= 8 ? 0x7f00_0000_0000L : 0x4000_0000L);
  }

  /** Writes a UTF8 record for {@code text} once and returns its id (the same id on later calls). */
  long internedUtf8(String text) {
    Long existing = nameIdsByText.get(text);
    if (existing != null) {
      return existing;
    }
    long id = nameIds.allocate(16);
    nameIdsByText.put(text, id);
    utf8(id, text.getBytes(StandardCharsets.UTF_8));
    return id;
  }

  /** UTF8 (0x01) with raw, possibly invalid, bytes. */
  void utf8(long id, byte[] bytes) {
    write(UTF8, output.newBody().id(id).bytes(bytes));
  }

  /** LOAD CLASS (0x02). */
  void loadClass(int classSerial, long classId, int traceSerial, long nameId) {
    write(LOAD_CLASS, output.newBody().u4(classSerial).id(classId).u4(traceSerial).id(nameId));
  }

  /** UNLOAD CLASS (0x03). */
  void unloadClass(int classSerial) {
    write(UNLOAD_CLASS, output.newBody().u4(classSerial));
  }

  /** STACK FRAME (0x04). */
  void stackFrame(
      long frameId, long methodNameId, long signatureId, long sourceFileId, int classSerial,
      int line) {
    ByteSink body = output.newBody();
    body.id(frameId).id(methodNameId).id(signatureId).id(sourceFileId).u4(classSerial).u4(line);
    write(STACK_FRAME, body);
  }

  /** STACK TRACE (0x05) with the given frame ids, innermost first. */
  void stackTrace(int serial, int threadSerial, long... frameIds) {
    ByteSink body = output.newBody().u4(serial).u4(threadSerial).u4(frameIds.length);
    for (long frameId : frameIds) {
      body.id(frameId);
    }
    write(STACK_TRACE, body);
  }

  private void write(int tag, ByteSink body) {
    byte[] bytes = body.toByteArray();
    output.record(tag, bytes.length, bytes);
  }
}
