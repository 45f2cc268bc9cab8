package org.hpq.hprof.io.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;

/**
 * Names of files derived from a dump in a cache directory. The name records the dump's file name,
 * size, modification time and a hash of its absolute path, so a derived file is reused exactly when
 * it was made from the same, unchanged dump, and stale ones can be found by prefix.
 */
public final class CacheNames {
  private CacheNames() {}

  /**
   * The stem for {@code dump} as it is now, e.g. {@code dump.hprof.gz-1a2b3c-17f0e4d2c8a-5e6f7a8b};
   * derived files add a suffix such as {@code .hprof}.
   */
  public static String stem(Path dump) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(dump, BasicFileAttributes.class);
    return prefix(dump)
        + Long.toHexString(attributes.size())
        + "-"
        + Long.toHexString(attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS))
        + "-"
        + Integer.toHexString(dump.toAbsolutePath().normalize().toString().hashCode());
  }

  /** The start shared by the stems of every version of {@code dump}: its file name and a dash. */
  public static String prefix(Path dump) {
    Path fileName = dump.toAbsolutePath().getFileName();
    String name = fileName == null ? "dump" : fileName.toString();
    return name.replaceAll("[^A-Za-z0-9._-]", "_") + "-";
  }
}
