/**
 * Read-only, random-access bytes of an HPROF heap dump, whatever its container: a plain file
 * ({@link org.hpq.hprof.io.FileDumpSource}), the JDK's chunked gzip from {@code jcmd PID
 * GC.heap_dump -gz=N} ({@link org.hpq.hprof.io.ChunkedGzipSource}, with a persistable {@link
 * org.hpq.hprof.io.ChunkedGzipIndex}), or any other gzip through an inflated copy ({@link
 * org.hpq.hprof.io.InflatedGzipSource}). {@link org.hpq.hprof.io.DumpSources} picks one by the
 * file's first bytes.
 *
 * <pre>{@code
 * try (DumpSource source = DumpSources.open(dump, cacheDirectory)) {
 *   byte[] buffer = new byte[4 << 20];
 *   for (long offset = 0; offset < source.length(); ) {
 *     offset += source.read(offset, buffer, 0, buffer.length);
 *   }
 * }
 * }</pre>
 *
 * <p>Bad gzip input gives a {@link org.hpq.hprof.io.CorruptGzipException} naming the file and the
 * compressed offset of the bad member; an unknown file an {@link
 * org.hpq.hprof.io.UnknownDumpFormatException} showing its first bytes.
 */
package org.hpq.hprof.io;
