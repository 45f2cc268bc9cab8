package org.hpq.hprof.internal;

import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import java.util.ArrayList;
import java.util.List;
import org.hpq.hprof.FieldValue;
import org.hpq.hprof.GcRoot;
import org.hpq.hprof.HprofFormatException;
import org.hpq.hprof.RootKind;
import org.hpq.hprof.Strictness;

/**
 * Turns ROOT sub-records into {@link GcRoot}s: ids to indexes, and Java-frame and JNI-local roots
 * to their thread and stack frame through the THREAD OBJECT roots and the STACK TRACE and STACK
 * FRAME records.
 */
final class RootResolver {
  private final ScanResult scan;
  private final IdIndex ids;
  private final FieldReader fields;
  private final Strictness strictness;
  private final String file;
  private final Int2IntOpenHashMap threadObjects = new Int2IntOpenHashMap();
  private final Int2ObjectOpenHashMap<StackTraceRecord> tracesByThread = new Int2ObjectOpenHashMap<>();
  private final Int2ObjectOpenHashMap<String> threadNames = new Int2ObjectOpenHashMap<>();

  RootResolver(ScanResult scan, IdIndex ids, FieldReader fields, Strictness strictness, String file) {
    this.scan = scan;
    this.ids = ids;
    this.fields = fields;
    this.strictness = strictness;
    this.file = file;
  }

  List<GcRoot> resolve() throws HprofFormatException {
    Int2ObjectOpenHashMap<StackTraceRecord> tracesBySerial = new Int2ObjectOpenHashMap<>();
    for (StackTraceRecord trace : scan.traces) {
      tracesBySerial.put(trace.serial(), trace);
    }
    for (RootRecord root : scan.roots) {
      if (root.kind() == RootKind.THREAD_OBJECT) {
        int object = ids.indexOf(root.objectId());
        if (object >= 0) {
          threadObjects.put(root.threadSerial(), object);
        }
        StackTraceRecord trace = tracesBySerial.get((int) root.extra());
        if (trace != null) {
          tracesByThread.put(root.threadSerial(), trace);
        }
      }
    }
    for (StackTraceRecord trace : scan.traces) {
      tracesByThread.putIfAbsent(trace.threadSerial(), trace);
    }
    List<GcRoot> roots = new ArrayList<>(scan.roots.size());
    long dangling = 0;
    for (RootRecord root : scan.roots) {
      int object = ids.indexOf(root.objectId());
      if (object < 0) {
        if (!strictness.repairs()) {
          throw new HprofFormatException(
              file, root.offset(), "ROOT " + root.kind().label().toUpperCase(java.util.Locale.ROOT), String.format("object 0x%x is not in the dump", root.objectId()));
        }
        dangling++;
        continue;
      }
      String frame =
          root.kind() == RootKind.JAVA_FRAME || root.kind() == RootKind.JNI_LOCAL
              ? frame(root.threadSerial(), root.frameNumber())
              : null;
      String thread = root.threadSerial() > 0 ? threadName(root.threadSerial()) : null;
      roots.add(new GcRoot(root.kind(), object, root.threadSerial(), thread, frame));
    }
    if (dangling > 0) {
      scan.warnings.add(dangling + " GC roots name objects that are not in the dump; they were dropped");
    }
    return roots;
  }

  private String threadName(int serial) {
    if (threadNames.containsKey(serial)) {
      return threadNames.get(serial);
    }
    String name = null;
    int thread = threadObjects.getOrDefault(serial, -1);
    if (thread >= 0) {
      for (FieldValue field : fields.fields(thread)) {
        if (field.field().name().equals("name") && field.target() >= 0) {
          name = fields.stringValue(field.target());
          if (name == null) {
            name = charArrayText(field.target());
          }
        }
      }
    }
    threadNames.put(serial, name);
    return name;
  }

  private String charArrayText(int array) {
    long[] chars = fields.elements(array, 0, 256);
    StringBuilder text = new StringBuilder();
    for (long c : chars) {
      text.append((char) c);
    }
    return text.length() == 0 ? null : text.toString();
  }

  private String frame(int threadSerial, int frameNumber) {
    StackTraceRecord trace = tracesByThread.get(threadSerial);
    if (trace == null || frameNumber < 0 || frameNumber >= trace.frameIds().length) {
      return null;
    }
    StackFrameRecord frame = scan.frames.get(trace.frameIds()[frameNumber]);
    if (frame == null) {
      return null;
    }
    long classId = scan.classSerials.getOrDefault(frame.classSerial(), 0L);
    String className =
        scan.classNameIds.containsKey(classId)
            ? ClassNames.javaName(scan.string(scan.classNameIds.get(classId)))
            : "<unknown class>";
    String source = frame.sourceFileId() == 0 ? null : scan.string(frame.sourceFileId());
    String location =
        switch (frame.line()) {
          case -3 -> "Native Method";
          case -2 -> source == null ? "Compiled Code" : source + ", compiled";
          default -> {
            if (source == null) {
              yield "Unknown Source";
            }
            yield frame.line() > 0 ? source + ":" + frame.line() : source;
          }
        };
    return className + "." + scan.string(frame.methodNameId()) + "(" + location + ")";
  }
}
