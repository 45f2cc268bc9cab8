package org.hpq.hprof.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.hpq.hprof.HprofFormatException;
import org.hpq.hprof.OpenOptions;
import org.hpq.hprof.io.DumpSource;

/**
 * Where an index lives and whether it can be trusted. An index is a directory of files plus an
 * {@code index.properties} that names the dump (size, modification time, a checksum of its first
 * and last MiB), the options it was built with, and the size and CRC32C of every file. It is built
 * in a temporary directory and renamed into place, under a lock, so a crash or a second process
 * never leaves a half index that is later trusted; any mismatch on open means a rebuild.
 */
public final class IndexStore {
  static final String FORMAT = "hpq-index-5";
  private static final long FINGERPRINT_BYTES = 1 << 20;

  private final Path dump;
  private final Path directory;

  private IndexStore(Path dump, Path directory) {
    this.dump = dump;
    this.directory = directory;
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
    String problem = validate(options);
    if (problem == null) {
      return directory;
    }
    Path lockFile = directory.resolveSibling(directory.getFileName() + ".lock");
    try (FileChannel lockChannel =
            FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = lockChannel.lock()) {
      // Another process may have built it while we waited for the lock.
      problem = validate(options);
      if (problem == null) {
        return directory;
      }
      if (Files.exists(directory)) {
        rebuilt.accept(problem);
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
    }
    return directory;
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

  /** Null when the index exists and matches the dump and the options; else what is wrong. */
  public String validate(OpenOptions options) {
    Path file = directory.resolve(IndexFiles.PROPERTIES);
    if (!Files.isRegularFile(file)) {
      return "no index";
    }
    try {
      Properties properties = load(file);
      if (!FORMAT.equals(properties.getProperty("format"))) {
        return "index format " + properties.getProperty("format") + " is not " + FORMAT;
      }
      Properties expected = dumpIdentity(options);
      for (String key : expected.stringPropertyNames()) {
        if (!expected.getProperty(key).equals(properties.getProperty(key))) {
          return "the dump or the options changed (" + key + ")";
        }
      }
      List<String> present = new ArrayList<>();
      for (String name : IndexFiles.DATA) {
        String size = properties.getProperty("file." + name + ".size");
        if (size == null) {
          if (IndexFiles.REQUIRED.contains(name)) {
            return "index.properties lists no checksum for " + name;
          }
          continue;
        }
        Path data = directory.resolve(name);
        if (!Files.isRegularFile(data) || Files.size(data) != Long.parseLong(size)) {
          return name + " is missing or has the wrong size";
        }
        present.add(name);
      }
      long[] sums = IndexFiles.checksums(present.stream().map(directory::resolve).toList());
      for (int i = 0; i < sums.length; i++) {
        String name = present.get(i);
        if (sums[i] != Long.parseLong(properties.getProperty("file." + name + ".crc32c", "-1"))) {
          return name + " is damaged (checksum mismatch)";
        }
      }
      return null;
    } catch (IOException | RuntimeException e) {
      return "index unreadable: " + e.getMessage();
    }
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

  private static Properties load(Path file) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      properties.load(in);
    }
    return properties;
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
