package org.hpq.hprof;

/** HPROF basic types, with their tag in the file and their size in the Java heap. */
public enum BasicType {
  OBJECT(2, 0, "Object"),
  BOOLEAN(4, 1, "boolean"),
  CHAR(5, 2, "char"),
  FLOAT(6, 4, "float"),
  DOUBLE(7, 8, "double"),
  BYTE(8, 1, "byte"),
  SHORT(9, 2, "short"),
  INT(10, 4, "int"),
  LONG(11, 8, "long");

  private static final BasicType[] BY_TAG = new BasicType[12];

  static {
    for (BasicType type : values()) {
      BY_TAG[type.tag] = type;
    }
  }

  private final int tag;
  private final int size;
  private final String javaName;

  BasicType(int tag, int size, String javaName) {
    this.tag = tag;
    this.size = size;
    this.javaName = javaName;
  }

  /** The type's tag in the file. */
  public int tag() {
    return tag;
  }

  /** Size in bytes of a primitive value; 0 for {@link #OBJECT}, whose size is the id size. */
  public int size() {
    return size;
  }

  /** The Java keyword ({@code int}), or {@code Object}. */
  public String javaName() {
    return javaName;
  }

  /** Size of a value in the dump file, given the dump's identifier size. */
  public int sizeInFile(int idSize) {
    return this == OBJECT ? idSize : size;
  }

  /** The type with tag {@code tag}, or null if there is none. */
  public static BasicType ofTagOrNull(int tag) {
    return tag >= 0 && tag < BY_TAG.length ? BY_TAG[tag] : null;
  }
}
