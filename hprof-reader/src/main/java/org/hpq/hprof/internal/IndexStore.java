package org.hpq.hprof.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.hpq.hprof.HprofFormatException;
import org.hpq.hprof.OpenOptions;
import org.hpq.hprof.io.DumpSource;

/**
 * Where an index lives and whether it can be trusted. An index is a directory of files plus an
 * {@code index.properties} that names the dump (size, modification time, a checksum of its first
 * and last MiB), the options it was built with, and the size and CRC32C of every file. It is built
 * in a temporary directory and renamed into place, under a lock, so a crash or a second process
 * never leaves a half index that is later trusted; any mismatch on open means a rebuild. A
 * {@link VerificationRecord} spares later opens the checksums of files that have not changed.
 */
public final class IndexStore {
  static final String FORMAT = "hpq-index-7";
  private static final long FINGERPRINT_BYTES = 1 << 20;

  /** Indexes smaller than this are not flushed after opening: checksumming them costs little. */
  private static final long DURABLE_IN_BACKGROUND_BYTES = 64L << 20;

  private final Path dump;
  private final Path directory;
  private final IndexTrust trust;

  private IndexStore(Path dump, Path directory) {
    this(dump, directory, IndexTrust.system());
  }

  private IndexStore(Path dump, Path directory, IndexTrust trust) {
    this.dump = dump;
    this.directory = directory;
    this.trust = trust;
  }

  /** This store, trusting verification records as {@code trust} says (tests simulate reboots). */
  public IndexStore withTrust(IndexTrust trust) {
    return new IndexStore(dump, directory, trust);
  }

  /** Locates the index of {@code dump} for {@code options}. */
  public static IndexStore locate(Path dump, OpenOptions options) throws IOException {
    Path absolute = dump.toAbsolutePath().normalize();
    String name = absolute.getFileName() + suffix(options) + ".hpqidx";
    if (options.indexDirectory() != null) {
      return new IndexStore(absolute, options.indexDirectory().resolve(name));
    }
    Path parent = absolute.getParent();
    if (parent != null && Files.isWritable(parent)) {
      return new IndexStore(absolute, parent.resolve(name));
    }
    return inCache(absolute, name, options);
  }

  /** The index location under the cache directory, named by a hash of the dump's path. */
  private static IndexStore inCache(Path absolute, String name, OpenOptions options) {
    String hash = Integer.toHexString(absolute.toString().hashCode());
    return new IndexStore(absolute, options.cacheDirectory().resolve(hash + "-" + name));
  }

  /**
   * The store to use when this one's directory cannot be written although its folder looked
   * writable (a read-only file system, an ACL): the cache directory, or null if this is already
   * there or the user chose the directory.
   */
  public IndexStore fallbackOrNull(OpenOptions options) {
    if (options.indexDirectory() != null || directory.getParent().equals(options.cacheDirectory())) {
      return null;
    }
    return inCache(dump, directory.getFileName().toString(), options);
  }

  private static String suffix(OpenOptions options) {
    return options.heapDumpNumber() == 0 ? "" : "-" + options.heapDumpNumber();
  }

  public Path directory() {
    return directory;
  }

  /**
   * Returns the directory of a valid index, building it first when it is missing, stale or
   * damaged. {@code rebuilt} receives why an existing index was not used, if it was not.
   */
  @SuppressWarnings("try") // the lock is held by the try block, never referenced in it
  public Path openOrBuild(DumpSource source, OpenOptions options, java.util.function.Consumer<String> rebuilt)
      throws IOException, HprofFormatException {
    Files.createDirectories(directory.getParent());
    Check check = check(options);
    if (check.problem() == null) {
      makeDurableInBackground(check);
      return directory;
    }
    Path lockFile = directory.resolveSibling(directory.getFileName() + ".lock");
    try (FileChannel lockChannel =
            FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = lockChannel.lock()) {
      // Another process may have built it while we waited for the lock.
      check = check(options);
      if (check.problem() == null) {
        makeDurableInBackground(check);
        return directory;
      }
      if (Files.exists(directory)) {
        rebuilt.accept(check.problem());
      }
      deleteLeftovers();
      Path temporary = Files.createTempDirectory(directory.getParent(), directory.getFileName() + ".tmp-");
      try {
        IndexMeta meta;
        IndexBuilder builder = new IndexBuilder(source, options, temporary);
        try {
          meta = builder.build();
        } catch (InternalError e) {
          // The index is written through memory maps: a write the file system cannot back (a
          // full disk) faults, and the JVM reports it as an InternalError.
          throw new IOException(cannotWrite(builder.scratchDirectory(), temporary, e), e);
        }
        writeProperties(temporary, options, meta);
        deleteTree(directory);
        try {
          Files.move(temporary, directory, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temporary, directory);
        }
      } finally {
        deleteTree(temporary);
      }
      recordBuilt();
    }
    return directory;
  }

  /**
   * Records the index just built as verified: its checksums were computed from the files as the
   * build left them, and nothing has written to them since.
   */
  private void recordBuilt() {
    try {
      Map<String, FileStamp> stamps = stampsOfDataFiles();
      if (!stamps.containsValue(null)) {
        writeRecord(stamps, Files.readAllBytes(directory.resolve(IndexFiles.PROPERTIES)), false);
        makeDurableInBackground(stamps.values().stream().mapToLong(FileStamp::size).sum());
      }
    } catch (IOException | RuntimeException e) {
      // No record: the next open checksums every file, as if this build had written none.
    }
  }

  /** What a fault writing through a mapping says: where, and which file system is (nearly) full. */
  private String cannotWrite(Path scratch, Path temporary, InternalError fault) throws IOException {
    long free = Files.getFileStore(directory.getParent()).getUsableSpace();
    if (free < (64 << 20)) {
      return "cannot write the index in " + directory.getParent() + ": No space left on device (" + free + " bytes free)";
    }
    if (!scratch.equals(temporary)) {
      long scratchFree = Files.getFileStore(scratch).getUsableSpace();
      if (scratchFree < (64 << 20)) {
        return "cannot write the index's scratch space in " + scratch + ": No space left on device (" + scratchFree
            + " bytes free; --scratch-dir chooses another place)";
      }
    }
    return "cannot write the index in " + directory.getParent() + ": " + fault.getMessage();
  }

  /**
   * Deletes temporary directories that a crashed build left beside the index. Called under the
   * lock, so no live build owns one.
   */
  private void deleteLeftovers() throws IOException {
    String prefix = directory.getFileName() + ".tmp-";
    try (Stream<Path> siblings = Files.list(directory.getParent())) {
      for (Path sibling : siblings.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
        deleteTree(sibling);
      }
    }
  }

  /**
   * What opening the index found.
   *
   * @param problem null when the index can be used, else why not
   * @param checksummed the files whose checksums were computed (the others were vouched for by
   *     the {@link VerificationRecord}, or the check stopped before them)
   * @param bytes the size of the index's data files, when it can be used
   * @param durable whether a durable record vouched for every file: nothing is left to flush
   */
  public record Check(String problem, List<String> checksummed, long bytes, boolean durable) {
    static Check failed(String problem, List<String> checksummed) {
      return new Check(problem, checksummed, 0, false);
    }
  }

  /**
   * Checks that the index exists and matches the dump and the options, and that its files are
   * whole: their sizes always, and their checksums unless the verification record vouches for
   * them. Writes a new record when it checksummed any file and all were good.
   */
  public Check check(OpenOptions options) {
    Path file = directory.resolve(IndexFiles.PROPERTIES);
    if (!Files.isRegularFile(file)) {
      return Check.failed("no index", List.of());
    }
    try {
      byte[] propertyBytes = Files.readAllBytes(file);
      Properties properties = new Properties();
      properties.load(new ByteArrayInputStream(propertyBytes));
      if (!FORMAT.equals(properties.getProperty("format"))) {
        return Check.failed("index format " + properties.getProperty("format") + " is not " + FORMAT, List.of());
      }
      Properties expected = dumpIdentity(options);
      for (String key : expected.stringPropertyNames()) {
        if (!expected.getProperty(key).equals(properties.getProperty(key))) {
          return Check.failed("the dump or the options changed (" + key + ")", List.of());
        }
      }
      Map<String, FileStamp> stamps = new LinkedHashMap<>();
      long bytes = 0;
      for (String name : IndexFiles.DATA) {
        String size = properties.getProperty("file." + name + ".size");
        if (size == null) {
          if (IndexFiles.REQUIRED.contains(name)) {
            return Check.failed("index.properties lists no checksum for " + name, List.of());
          }
          continue;
        }
        Path data = directory.resolve(name);
        if (!Files.isRegularFile(data) || Files.size(data) != Long.parseLong(size)) {
          return Check.failed(name + " is missing or has the wrong size", List.of());
        }
        // Stamped before the checksums are computed: a write after this changes the stamp.
        stamps.put(name, FileStamp.ofOrNull(data));
        bytes += Long.parseLong(size);
      }
      boolean stamped = !stamps.containsValue(null);
      VerificationRecord record = stamped ? VerificationRecord.readOrNull(directory) : null;
      Set<String> vouched = record == null ? Set.of() : record.vouchedFor(stamps, propertyBytes, trust);
      List<String> unvouched = stamps.keySet().stream().filter(name -> !vouched.contains(name)).toList();
      long[] sums = IndexFiles.checksums(unvouched.stream().map(directory::resolve).toList());
      for (int i = 0; i < sums.length; i++) {
        String name = unvouched.get(i);
        if (sums[i] != Long.parseLong(properties.getProperty("file." + name + ".crc32c", "-1"))) {
          return Check.failed(name + " is damaged (checksum mismatch)", unvouched);
        }
      }
      if (stamped && !unvouched.isEmpty()) {
        writeRecord(stamps, propertyBytes, false);
      }
      return new Check(null, unvouched, bytes, unvouched.isEmpty() && record != null && record.durable());
    } catch (IOException | RuntimeException e) {
      return Check.failed("index unreadable: " + e.getMessage(), List.of());
    }
  }

  /** Writes the verification record; an index that cannot be written to is simply checked in full. */
  private void writeRecord(Map<String, FileStamp> stamps, byte[] propertyBytes, boolean durable) {
    try {
      VerificationRecord.write(directory, stamps, propertyBytes, trust.bootId(), durable);
    } catch (IOException | RuntimeException e) {
      // Read-only or shared index: every open checksums it all, as if there were no record.
    }
  }

  /**
   * Flushes the index's files to the device and then records that they are durable, so that opens
   * after a reboot (when unflushed pages may have been lost) need not checksum them again. Does
   * nothing, and returns false, unless the current record vouches for every file and is not
   * durable yet. Blocks while the files are written out.
   */
  public boolean makeDurable() throws IOException {
    Path file = directory.resolve(IndexFiles.PROPERTIES);
    byte[] propertyBytes = Files.readAllBytes(file);
    VerificationRecord record = VerificationRecord.readOrNull(directory);
    if (record == null || record.durable()) {
      return false;
    }
    Map<String, FileStamp> stamps = stampsOfDataFiles();
    if (stamps.containsValue(null) || !record.vouchedFor(stamps, propertyBytes, trust).equals(stamps.keySet())) {
      return false;
    }
    for (String name : stamps.keySet()) {
      VerificationRecord.force(directory.resolve(name));
    }
    VerificationRecord.force(file);
    VerificationRecord.force(directory);
    VerificationRecord.write(directory, stamps, propertyBytes, trust.bootId(), true);
    return true;
  }

  /** The stamp of every data file the index directory has (null values where there are none). */
  private Map<String, FileStamp> stampsOfDataFiles() throws IOException {
    Map<String, FileStamp> stamps = new LinkedHashMap<>();
    for (String name : IndexFiles.DATA) {
      Path data = directory.resolve(name);
      if (Files.isRegularFile(data)) {
        stamps.put(name, FileStamp.ofOrNull(data));
      }
    }
    return stamps;
  }

  /** {@link #makeDurableInBackground(long)} for an index just checked, unless it is durable already. */
  private void makeDurableInBackground(Check check) {
    if (!check.durable()) {
      makeDurableInBackground(check.bytes());
    }
  }

  /**
   * Makes a large index durable on a daemon thread, so that the next boot opens it without reading
   * it all: the flush waits for the disk, not for the user.
   */
  private void makeDurableInBackground(long bytes) {
    if (bytes < DURABLE_IN_BACKGROUND_BYTES) {
      return;
    }
    Thread flush =
        new Thread(
            () -> {
              try {
                makeDurable();
              } catch (IOException | RuntimeException e) {
                // Not durable: the next boot's first open checksums the files instead.
              }
            },
            "hpq-index-flush");
    flush.setDaemon(true);
    flush.start();
  }

  private Properties dumpIdentity(OpenOptions options) throws IOException {
    Properties identity = new Properties();
    identity.setProperty("dump.size", Long.toString(Files.size(dump)));
    identity.setProperty("dump.mtime", Long.toString(Files.getLastModifiedTime(dump).toMillis()));
    long size = Files.size(dump);
    long head = IndexFiles.checksum(dump, 0, FINGERPRINT_BYTES);
    long tail = IndexFiles.checksum(dump, Math.max(0, size - FINGERPRINT_BYTES), FINGERPRINT_BYTES);
    identity.setProperty("dump.fingerprint", Long.toHexString(head) + "-" + Long.toHexString(tail));
    identity.setProperty("option.heapDump", Integer.toString(options.heapDumpNumber()));
    identity.setProperty("option.strictness", options.strictness().name());
    identity.setProperty("option.sizeModel", String.valueOf(options.sizeModel()));
    return identity;
  }

  private void writeProperties(Path temporary, OpenOptions options, IndexMeta meta) throws IOException {
    Properties properties = dumpIdentity(options);
    properties.setProperty("format", FORMAT);
    properties.setProperty("objects", Integer.toString(meta.objectCount));
    properties.setProperty("references", Long.toString(meta.edgeCount));
    List<String> present = IndexFiles.DATA.stream().filter(name -> Files.isRegularFile(temporary.resolve(name))).toList();
    long[] sums = IndexFiles.checksums(present.stream().map(temporary::resolve).toList());
    for (int i = 0; i < sums.length; i++) {
      String name = present.get(i);
      properties.setProperty("file." + name + ".size", Long.toString(Files.size(temporary.resolve(name))));
      properties.setProperty("file." + name + ".crc32c", Long.toString(sums[i]));
    }
    Path file = temporary.resolve(IndexFiles.PROPERTIES);
    try (OutputStream out = Files.newOutputStream(file)) {
      properties.store(out, "hpq index of " + dump);
    }
  }

  static void deleteTree(Path root) throws IOException {
    // Another process may move a verification record in while the tree is walked: walk again.
    for (int attempt = 1; Files.exists(root); attempt++) {
      try (Stream<Path> paths = Files.walk(root)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      } catch (java.nio.file.DirectoryNotEmptyException e) {
        if (attempt == 3) {
          throw e;
        }
      }
    }
  }
}
