package org.hpq.testkit;

/**
 * One frame of a synthetic thread stack, written as a STACK FRAME record.
 *
 * @param classId the class object id of the method's class (its LOAD CLASS serial is looked up;
 *     0 if the class was not defined by the writer)
 * @param methodName e.g. {@code main}
 * @param signature e.g. {@code ([Ljava/lang/String;)V}
 * @param sourceFile e.g. {@code Main.java}
 * @param line the line number, or -1 unknown, -2 compiled, -3 native
 */
public record StackFrameSpec(
    long classId, String methodName, String signature, String sourceFile, int line) {

  /** A frame with signature {@code ()V} and source file {@code Unknown.java}. */
  public static StackFrameSpec of(long classId, String methodName, int line) {
    return new StackFrameSpec(classId, methodName, "()V", "Unknown.java", line);
  }
}
