package org.hpq.hprof;

/** What an object of the graph is. Stored as one byte per object in the index. */
public enum ObjectKind {
  INSTANCE,
  CLASS,
  OBJECT_ARRAY,
  PRIMITIVE_ARRAY;

  /** Code stored in the index: 1 instance, 2 class, 3 object array, 4 to 11 primitive arrays. */
  public static ObjectKind ofCode(int code) {
    return switch (code) {
      case 1 -> INSTANCE;
      case 2 -> CLASS;
      case 3 -> OBJECT_ARRAY;
      default -> PRIMITIVE_ARRAY;
    };
  }
}
