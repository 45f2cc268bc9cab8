package org.hpq.hprof;

/**
 * How the VM laid out objects, to estimate shallow sizes: header size, reference size and object
 * alignment. Sizes are estimates: the dump does not record them.
 *
 * @param headerSize bytes of an object header (mark word and class pointer)
 * @param referenceSize 4 with compressed oops, else the identifier size
 * @param alignment object alignment in bytes, a power of two
 */
public record SizeModel(int headerSize, int referenceSize, int alignment) {
  /** 64-bit VM with compressed oops and compressed class pointers (the usual default). */
  public static final SizeModel COMPRESSED = new SizeModel(12, 4, 8);
  /** 64-bit VM without compressed oops but with compressed class pointers (JDK 15+). */
  public static final SizeModel WIDE_REFERENCES = new SizeModel(12, 8, 8);
  /** 64-bit VM with neither. */
  public static final SizeModel UNCOMPRESSED = new SizeModel(16, 8, 8);
  /** 64-bit VM with compact object headers (JDK 24+) and compressed oops. */
  public static final SizeModel COMPACT_HEADERS = new SizeModel(8, 4, 8);
  /** 32-bit VM. */
  public static final SizeModel BITS_32 = new SizeModel(8, 4, 8);

  /** Bytes before an array's first element: the header and the 4-byte length. */
  public int arrayHeaderSize() {
    return headerSize + 4;
  }

  /** Size of an instance whose fields take {@code fieldBytes} bytes. */
  public long instanceSize(long fieldBytes) {
    return align(headerSize + fieldBytes);
  }

  /** Size of an array of {@code length} elements of {@code elementSize} bytes each. */
  public long arraySize(long length, int elementSize) {
    return align(arrayHeaderSize() + length * elementSize);
  }

  /** Size in the heap of a value of {@code type}. */
  public int sizeOf(BasicType type) {
    return type == BasicType.OBJECT ? referenceSize : type.size();
  }

  public long align(long bytes) {
    return (bytes + alignment - 1) & -alignment;
  }

  /** Parses {@code header,reference,alignment}, e.g. {@code 12,4,8}. */
  public static SizeModel parse(String text) {
    String[] parts = text.split(",");
    if (parts.length != 3) {
      throw new IllegalArgumentException("size model '" + text + "': expected HEADER,REFERENCE,ALIGNMENT");
    }
    return new SizeModel(
        Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()), Integer.parseInt(parts[2].trim()));
  }

  @Override
  public String toString() {
    return String.format(
        "header %d bytes, array header %d bytes, references %d bytes, alignment %d",
        headerSize, arrayHeaderSize(), referenceSize, alignment);
  }
}
