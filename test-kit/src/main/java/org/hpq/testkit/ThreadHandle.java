package org.hpq.testkit;

import java.util.Arrays;

/**
 * What {@link HprofWriter#thread} wrote for a synthetic thread.
 *
 * @param threadObjectId the id of the thread object (rooted by ROOT THREAD OBJECT)
 * @param threadSerial the thread serial, for ROOT JAVA FRAME and ROOT JNI LOCAL
 * @param stackTraceSerial the serial of its STACK TRACE record
 * @param frameIds the STACK FRAME ids, innermost (frame number 0) first
 */
public record ThreadHandle(
    long threadObjectId, int threadSerial, int stackTraceSerial, long[] frameIds) {

  /** Copies the frame ids. */
  public ThreadHandle {
    frameIds = frameIds.clone();
  }

  /** A copy of the frame ids. */
  @Override
  public long[] frameIds() {
    return frameIds.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ThreadHandle that
        && threadObjectId == that.threadObjectId
        && threadSerial == that.threadSerial
        && stackTraceSerial == that.stackTraceSerial
        && Arrays.equals(frameIds, that.frameIds);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(threadObjectId) * 31 + threadSerial;
  }

  @Override
  public String toString() {
    return "ThreadHandle[threadObjectId=0x" + Long.toHexString(threadObjectId)
        + ", threadSerial=" + threadSerial + ", stackTraceSerial=" + stackTraceSerial
        + ", frameIds=" + Arrays.toString(frameIds) + "]";
  }
}
