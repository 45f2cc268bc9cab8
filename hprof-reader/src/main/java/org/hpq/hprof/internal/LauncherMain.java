package org.hpq.hprof.internal;

import org.hpq.hprof.FieldValue;
import org.hpq.hprof.RootKind;

/**
 * The application's main class as the {@code java} launcher started it: the class of the
 * outermost frame, a method named {@code main}, of the thread named {@code main}. The launcher
 * passes that class's name to {@code LauncherHelper} as a String it keeps in a JNI local handle of
 * the main thread's native base frame, which HotSpot's dumper does not write.
 *
 * @param className the main class's Java name
 * @param threadSerial the main thread's serial
 */
record LauncherMain(String className, int threadSerial) {

  /** The launcher's main class, or null when the dump has no such thread or frame. */
  static LauncherMain findOrNull(ScanResult scan, IdIndex ids, FieldReader fields) {
    for (RootRecord root : scan.roots) {
      int thread = root.kind() == RootKind.THREAD_OBJECT ? ids.indexOf(root.objectId()) : -1;
      if (thread < 0 || !"main".equals(threadName(fields, thread))) {
        continue;
      }
      StackTraceRecord trace = null;
      for (StackTraceRecord candidate : scan.traces) {
        if (candidate.serial() == (int) root.extra()) {
          trace = candidate;
          break;
        }
      }
      if (trace == null || trace.frameIds().length == 0) {
        return null;
      }
      StackFrameRecord frame = scan.frames.get(trace.frameIds()[trace.frameIds().length - 1]);
      if (frame == null || !"main".equals(scan.strings.get(frame.methodNameId()))) {
        return null;
      }
      long classId = scan.classSerials.getOrDefault(frame.classSerial(), 0L);
      String name = scan.strings.get(scan.classNameIds.getOrDefault(classId, 0L));
      return name == null ? null : new LauncherMain(ClassNames.javaName(name), root.threadSerial());
    }
    return null;
  }

  private static String threadName(FieldReader fields, int thread) {
    for (FieldValue field : fields.fields(thread)) {
      if (field.field().name().equals("name") && field.target() >= 0) {
        return fields.stringValue(field.target());
      }
    }
    return null;
  }
}
