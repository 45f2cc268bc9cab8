package org.hpq.hprof.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;

/**
 * What the last check of an index's checksums found, kept in {@code verified.properties} in the
 * index directory: the {@link FileStamp} each file had, the checksum of {@code index.properties},
 * the boot it was made in, and whether the files were flushed to disk since. A later open
 * checksums again only the files whose stamps changed, so reopening a multi-GB index does not
 * read gigabytes.
 *
 * <p>A file with an unchanged stamp can still have lost pages in a machine crash, if they were
 * never written to disk; so a record is trusted only in the boot that wrote it, or once it is
 * {@code durable}. A file that changed within {@link IndexTrust#settle()} of the record's writing
 * is checked again, since a later write in the same clock tick would leave the same stamp (git's
 * "racily clean" files).
 */
final class VerificationRecord {
  static final String FILE = IndexFiles.VERIFIED;

  private final Properties properties;
  private final long writtenNanos;

  private VerificationRecord(Properties properties, long writtenNanos) {
    this.properties = properties;
    this.writtenNanos = writtenNanos;
  }

  /** The record in {@code directory}, or null if there is none or it cannot be read. */
  static VerificationRecord readOrNull(Path directory) {
    Path file = directory.resolve(FILE);
    try {
      long written = Files.getLastModifiedTime(file).to(TimeUnit.NANOSECONDS);
      Properties properties = new Properties();
      properties.load(new ByteArrayInputStream(Files.readAllBytes(file)));
      return new VerificationRecord(properties, written);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  boolean durable() {
    return "true".equals(properties.getProperty("durable"));
  }

  /**
   * The names in {@code current} (name to stamp now) whose stamps the record vouches for: none
   * when {@code indexProperties} changed or the record is from another boot and not durable.
   */
  Set<String> vouchedFor(Map<String, FileStamp> current, byte[] indexProperties, IndexTrust trust) {
    Set<String> vouched = new HashSet<>();
    if (!Long.toString(crc(indexProperties)).equals(properties.getProperty("properties.crc32c"))) {
      return vouched;
    }
    boolean sameBoot = trust.bootId() != null && trust.bootId().equals(properties.getProperty("boot"));
    if (!sameBoot && !durable()) {
      return vouched;
    }
    long settledBefore = writtenNanos - trust.settle().toNanos();
    for (Map.Entry<String, FileStamp> entry : current.entrySet()) {
      FileStamp recorded = FileStamp.parseOrNull(properties.getProperty("file." + entry.getKey()));
      if (recorded != null && recorded.equals(entry.getValue()) && recorded.changedNanos() < settledBefore) {
        vouched.add(entry.getKey());
      }
    }
    return vouched;
  }

  /**
   * Writes the record for files just verified. With {@code durable}, the record itself is flushed
   * and the caller must have flushed the files first. The record is replaced atomically, so a
   * reader sees the old record or the new one.
   */
  static void write(Path directory, Map<String, FileStamp> stamps, byte[] indexProperties, String bootId, boolean durable)
      throws IOException {
    Properties properties = new Properties();
    if (bootId != null) {
      properties.setProperty("boot", bootId);
    }
    properties.setProperty("durable", Boolean.toString(durable));
    properties.setProperty("properties.crc32c", Long.toString(crc(indexProperties)));
    stamps.forEach((name, stamp) -> properties.setProperty("file." + name, stamp.toString()));
    // Beside the directory, with the prefix of a build's leftovers, so a crash leaves nothing inside.
    Path temporary = Files.createTempFile(directory.getParent(), directory.getFileName() + ".tmp-verified-", "");
    try {
      try (OutputStream out = Files.newOutputStream(temporary)) {
        properties.store(out, "what the last check of this index's checksums found");
      }
      if (durable) {
        force(temporary);
      }
      try {
        Files.move(temporary, directory.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, directory.resolve(FILE), StandardCopyOption.REPLACE_EXISTING);
      }
      if (durable) {
        force(directory);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** Flushes a file's (or a directory's) written pages and metadata to the device. */
  static void force(Path path) throws IOException {
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }

  private static long crc(byte[] bytes) {
    CRC32C crc = new CRC32C();
    crc.update(bytes);
    return crc.getValue();
  }
}
