package org.hpq.hprof;

/** Kinds of GC root, from the ROOT sub-records of HotSpot and Android dumps. */
public enum RootKind {
  UNKNOWN(0xFF, "unknown"),
  JNI_GLOBAL(0x01, "JNI global"),
  JNI_LOCAL(0x02, "JNI local"),
  JAVA_FRAME(0x03, "Java frame"),
  NATIVE_STACK(0x04, "native stack"),
  STICKY_CLASS(0x05, "sticky class"),
  THREAD_BLOCK(0x06, "thread block"),
  MONITOR_USED(0x07, "monitor used"),
  THREAD_OBJECT(0x08, "thread object"),
  INTERNED_STRING(0x89, "interned string"),
  FINALIZING(0x8A, "finalizing"),
  DEBUGGER(0x8B, "debugger"),
  REFERENCE_CLEANUP(0x8C, "reference cleanup"),
  VM_INTERNAL(0x8D, "VM internal"),
  JNI_MONITOR(0x8E, "JNI monitor"),
  UNREACHABLE(0x90, "unreachable");

  private final int tag;
  private final String label;

  RootKind(int tag, String label) {
    this.tag = tag;
    this.label = label;
  }

  /** The sub-record tag. */
  public int tag() {
    return tag;
  }

  /** The name shown in labels such as {@code <root: Java frame>}. */
  public String label() {
    return label;
  }

  /** The kind of the sub-record tag {@code tag}, or null if it is not a root tag. */
  public static RootKind ofTagOrNull(int tag) {
    for (RootKind kind : values()) {
      if (kind.tag == tag) {
        return kind;
      }
    }
    return null;
  }
}
