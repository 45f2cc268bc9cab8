package org.hpq.hprof.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What identifies one state of a file without reading it: device, inode, size and change time
 * (ctime, which any write or truncation sets and which no user can set back). A copy has another
 * inode, so it never shares a stamp with its original.
 */
record FileStamp(long device, long inode, long size, long changedNanos) {

  /** The stamp of {@code file}, or null where the file system does not give Unix attributes. */
  static FileStamp ofOrNull(Path file) throws IOException {
    Map<String, Object> attributes;
    try {
      attributes = Files.readAttributes(file, "unix:dev,ino,size,ctime");
    } catch (UnsupportedOperationException | IllegalArgumentException e) {
      return null;
    }
    return new FileStamp(
        (Long) attributes.get("dev"),
        (Long) attributes.get("ino"),
        (Long) attributes.get("size"),
        ((FileTime) attributes.get("ctime")).to(TimeUnit.NANOSECONDS));
  }

  /** Parses what {@link #toString()} wrote; null if it is not a stamp. */
  static FileStamp parseOrNull(String text) {
    if (text == null) {
      return null;
    }
    String[] parts = text.split(":");
    if (parts.length != 4) {
      return null;
    }
    try {
      return new FileStamp(
          Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]), Long.parseLong(parts[3]));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return device + ":" + inode + ":" + size + ":" + changedNanos;
  }
}
