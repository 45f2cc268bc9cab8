package org.hpq.hprof.store;

import java.lang.reflect.Field;
import java.nio.Buffer;
import java.nio.ByteBuffer;

/**
 * Raw access to mapped memory through {@code sun.misc.Unsafe} (module jdk.unsupported, no
 * command-line flags needed). Used only by {@link MappedFile}, which keeps the buffers alive and
 * checks bounds before every access.
 */
final class Memory {
  static final sun.misc.Unsafe UNSAFE = unsafe();
  private static final long ADDRESS_OFFSET = addressOffset();

  private Memory() {}

  private static sun.misc.Unsafe unsafe() {
    try {
      Field field = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
      field.setAccessible(true);
      return (sun.misc.Unsafe) field.get(null);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @SuppressWarnings("deprecation")
  private static long addressOffset() {
    try {
      return UNSAFE.objectFieldOffset(Buffer.class.getDeclaredField("address"));
    } catch (NoSuchFieldException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** The native address of a direct buffer's first byte. */
  static long address(ByteBuffer direct) {
    if (!direct.isDirect()) {
      throw new IllegalArgumentException("not a direct buffer");
    }
    return UNSAFE.getLong(direct, ADDRESS_OFFSET);
  }
}
