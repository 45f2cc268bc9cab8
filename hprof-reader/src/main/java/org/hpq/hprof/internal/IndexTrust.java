package org.hpq.hprof.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * When a {@link VerificationRecord} may stand in for reading an index's files again.
 *
 * @param bootId this boot of the machine (Linux's {@code /proc/sys/kernel/random/boot_id}), or
 *     null where the system does not say: pages written in this boot cannot have been lost by a
 *     crash, so a record from this boot is trusted even before the files are flushed to disk
 * @param settle how long before the record was written a file must last have changed to be
 *     trusted by its stamp: file systems keep change times coarsely (a clock tick, or two seconds),
 *     so a later write in the same tick would leave the same stamp
 */
public record IndexTrust(String bootId, Duration settle) {

  private static final Path BOOT_ID = Path.of("/proc/sys/kernel/random/boot_id");

  /** This machine's boot, and a settling time that covers coarse file times. */
  public static IndexTrust system() {
    return new IndexTrust(readBootIdOrNull(), Duration.ofSeconds(2));
  }

  private static String readBootIdOrNull() {
    try {
      String id = new String(Files.readAllBytes(BOOT_ID), StandardCharsets.US_ASCII).trim();
      return id.isEmpty() ? null : id;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
