package org.hpq.testkit;

/**
 * GC root sub-record kinds of HotSpot and Android dumps, with their tag and the fields that follow
 * the object id.
 */
public enum RootType {
  /** 0xFF: id. */
  UNKNOWN(0xFF, Shape.ID_ONLY),
  /** 0x01: id, id of the JNI global reference. */
  JNI_GLOBAL(0x01, Shape.ID_AND_ID),
  /** 0x02: id, u4 thread serial, u4 frame number. */
  JNI_LOCAL(0x02, Shape.ID_AND_TWO_U4),
  /** 0x03: id, u4 thread serial, u4 frame number (-1: none). */
  JAVA_FRAME(0x03, Shape.ID_AND_TWO_U4),
  /** 0x04: id, u4 thread serial. */
  NATIVE_STACK(0x04, Shape.ID_AND_U4),
  /** 0x05: id. */
  STICKY_CLASS(0x05, Shape.ID_ONLY),
  /** 0x06: id, u4 thread serial. */
  THREAD_BLOCK(0x06, Shape.ID_AND_U4),
  /** 0x07: id. */
  MONITOR_USED(0x07, Shape.ID_ONLY),
  /** 0x08: id, u4 thread serial, u4 stack trace serial. */
  THREAD_OBJECT(0x08, Shape.ID_AND_TWO_U4),
  /** Android 0x89: id. */
  INTERNED_STRING(0x89, Shape.ID_ONLY),
  /** Android 0x8A: id. */
  FINALIZING(0x8A, Shape.ID_ONLY),
  /** Android 0x8B: id. */
  DEBUGGER(0x8B, Shape.ID_ONLY),
  /** Android 0x8C: id. */
  REFERENCE_CLEANUP(0x8C, Shape.ID_ONLY),
  /** Android 0x8D: id. */
  VM_INTERNAL(0x8D, Shape.ID_ONLY),
  /** Android 0x8E: id, u4 thread serial, u4 frame number. */
  JNI_MONITOR(0x8E, Shape.ID_AND_TWO_U4),
  /** Android 0x90: id. */
  UNREACHABLE(0x90, Shape.ID_ONLY);

  /** What follows the object id in the sub-record. */
  public enum Shape {
    /** Nothing. */
    ID_ONLY,
    /** A second identifier. */
    ID_AND_ID,
    /** One u4. */
    ID_AND_U4,
    /** Two u4s. */
    ID_AND_TWO_U4
  }

  private final int tag;
  private final Shape shape;

  RootType(int tag, Shape shape) {
    this.tag = tag;
    this.shape = shape;
  }

  /** The sub-record tag. */
  public int tag() {
    return tag;
  }

  /** What follows the object id. */
  public Shape shape() {
    return shape;
  }

  /** Body size (after the tag byte) given the identifier size. */
  public int bodySize(int identifierSize) {
    return switch (shape) {
      case ID_ONLY -> identifierSize;
      case ID_AND_ID -> 2 * identifierSize;
      case ID_AND_U4 -> identifierSize + 4;
      case ID_AND_TWO_U4 -> identifierSize + 8;
    };
  }
}
