package org.hpq.testkit;

/**
 * HPROF basic types as written in CLASS DUMP field lists, statics, constant pools and PRIM ARRAY
 * DUMPs.
 *
 * <p>Values handed to the writer for a field of a given type are Java objects: {@link #OBJECT}
 * takes a {@link Long} or other {@link Number} (an object id) or {@code null} (id 0); {@link
 * #BOOLEAN} a {@link Boolean}; {@link #CHAR} a {@link Character} or {@link Number}; the numeric
 * types any {@link Number} (narrowed as by a Java cast).
 */
public enum FieldType {
  OBJECT(2, 0, 4, "Object", 'L'),
  BOOLEAN(4, 1, 1, "boolean", 'Z'),
  CHAR(5, 2, 2, "char", 'C'),
  FLOAT(6, 4, 4, "float", 'F'),
  DOUBLE(7, 8, 8, "double", 'D'),
  BYTE(8, 1, 1, "byte", 'B'),
  SHORT(9, 2, 2, "short", 'S'),
  INT(10, 4, 4, "int", 'I'),
  LONG(11, 8, 8, "long", 'J');

  private final int tag;
  private final int size;
  private final int heapSizeWithCompressedOops;
  private final String javaName;
  private final char descriptor;

  FieldType(int tag, int size, int heapSizeWithCompressedOops, String javaName, char descriptor) {
    this.tag = tag;
    this.size = size;
    this.heapSizeWithCompressedOops = heapSizeWithCompressedOops;
    this.javaName = javaName;
    this.descriptor = descriptor;
  }

  /** The type's tag byte in the file. */
  public int tag() {
    return tag;
  }

  /** Size in the file of one value, given the identifier size of the file. */
  public int sizeInFile(int identifierSize) {
    return this == OBJECT ? identifierSize : size;
  }

  /** Size in a 64-bit VM heap with compressed oops (references take 4 bytes). */
  public int heapSizeWithCompressedOops() {
    return heapSizeWithCompressedOops;
  }

  /** The Java keyword ({@code int}), or {@code Object}. */
  public String javaName() {
    return javaName;
  }

  /** The JVM descriptor character ({@code I}, {@code J}, {@code L} ...). */
  public char descriptor() {
    return descriptor;
  }

  /** The internal name of the primitive array class ({@code [I}); throws for {@link #OBJECT}. */
  public String arrayClassName() {
    if (this == OBJECT) {
      throw new IllegalArgumentException("OBJECT has no primitive array class");
    }
    return "[" + descriptor;
  }

  /** The type whose tag is {@code tag}; throws {@link IllegalArgumentException} if none. */
  public static FieldType ofTag(int tag) {
    for (FieldType type : values()) {
      if (type.tag == tag) {
        return type;
      }
    }
    throw new IllegalArgumentException("no basic type with tag " + tag);
  }

  /**
   * The element type of a Java primitive array ({@code int[]} gives {@link #INT}); throws {@link
   * IllegalArgumentException} for anything else.
   */
  public static FieldType ofPrimitiveArray(Object array) {
    Class<?> component = array == null ? null : array.getClass().getComponentType();
    if (component == null || !component.isPrimitive()) {
      throw new IllegalArgumentException("not a primitive array: " + array);
    }
    for (FieldType type : values()) {
      if (type.javaName.equals(component.getName())) {
        return type;
      }
    }
    throw new IllegalArgumentException("unsupported array " + array.getClass());
  }
}
