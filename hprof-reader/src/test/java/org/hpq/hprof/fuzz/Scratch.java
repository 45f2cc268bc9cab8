package org.hpq.hprof.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Scratch folders for fuzz targets: on {@code /dev/shm} when it is writable (a fuzz target
 * writes and indexes a file per execution, and a RAM file system makes that fast), else in the
 * temporary directory. Each folder is removed when the JVM ends.
 */
final class Scratch {
  private Scratch() {}

  /** A new empty folder whose name starts with {@code prefix}. */
  static Path create(String prefix) {
    Path shm = Path.of("/dev/shm");
    try {
      Path folder =
          Files.isDirectory(shm) && Files.isWritable(shm)
              ? Files.createTempDirectory(shm, "hpq-" + prefix + "-")
              : Files.createTempDirectory("hpq-" + prefix + "-");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(folder)));
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes {@code root} and everything under it; a missing root is fine. */
  static void delete(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  /** Deletes everything inside {@code folder}, keeping the folder. */
  static void empty(Path folder) throws IOException {
    try (Stream<Path> children = Files.list(folder)) {
      for (Path child : children.toList()) {
        delete(child);
      }
    }
  }

  private static void deleteQuietly(Path root) {
    try {
      delete(root);
    } catch (IOException e) {
      // Best effort at exit.
    }
  }
}
