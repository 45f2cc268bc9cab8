package org.hpq.hprof;

/**
 * A GC root: an edge from the synthetic root to {@code object}.
 *
 * @param kind the root's kind
 * @param object the index of the object held
 * @param threadSerial the holding thread's serial, or -1
 * @param threadName the holding thread's name where known, else null
 * @param frame the stack frame for Java-frame and JNI-local roots, as {@code
 *     Class.method(File.java:line)}, else null
 */
public record GcRoot(RootKind kind, int object, int threadSerial, String threadName, String frame) {

  /** The edge label: {@code <root: Java frame main Main.run(Main.java:12)>}, {@code <root: JNI global>}. */
  public String label() {
    StringBuilder text = new StringBuilder("<root: ").append(kind.label());
    if (threadName != null) {
      text.append(' ').append(threadName);
    } else if (threadSerial > 0 && frame != null) {
      text.append(" thread ").append(threadSerial);
    }
    if (frame != null) {
      text.append(' ').append(frame);
    }
    return text.append('>').toString();
  }
}
