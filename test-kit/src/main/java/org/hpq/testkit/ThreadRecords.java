package org.hpq.testkit;

/**
 * The serials and frame ids of synthetic threads for {@link HprofWriter}, and the records that
 * make one thread: names, STACK FRAMEs, a STACK TRACE and a ROOT THREAD OBJECT.
 *
 * <p>Thread serials, stack trace serials and frame ids each count up from 1. Not thread-safe.
 */
final class ThreadRecords {
  private long nextFrameId = 1;
  private int nextTraceSerial = 1;
  private int nextThreadSerial = 1;

  /** The next automatic stack trace serial. */
  int allocateTraceSerial() {
    return nextTraceSerial++;
  }

  /**
   * Writes a thread through {@code writer}: UTF8 names and STACK FRAME records for {@code frames}
   * (innermost first), a STACK TRACE, and a ROOT THREAD OBJECT for {@code threadObjectId}.
   */
  ThreadHandle write(HprofWriter writer, long threadObjectId, StackFrameSpec... frames) {
    int threadSerial = nextThreadSerial++;
    int traceSerial = allocateTraceSerial();
    long[] frameIds = new long[frames.length];
    for (int i = 0; i < frames.length; i++) {
      StackFrameSpec frame = frames[i];
      frameIds[i] = nextFrameId++;
      writer.stackFrame(
          frameIds[i],
          writer.utf8(frame.methodName()),
          writer.utf8(frame.signature()),
          writer.utf8(frame.sourceFile()),
          writer.classSerial(frame.classId()),
          frame.line());
    }
    writer.stackTrace(traceSerial, threadSerial, frameIds);
    writer.rootThreadObject(threadObjectId, threadSerial, traceSerial);
    return new ThreadHandle(threadObjectId, threadSerial, traceSerial, frameIds);
  }
}
