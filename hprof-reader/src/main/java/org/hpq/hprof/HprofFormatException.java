package org.hpq.hprof;

/**
 * A dump that does not follow the HPROF format. The message names the file, the hexadecimal
 * offset in the plain HPROF data and the record where the problem was found, for example {@code
 * dump.hprof: offset 0x1f2a: INSTANCE DUMP: class id 0x7f00 not found}.
 */
public class HprofFormatException extends Exception {
  private final String file;
  private final long offset;
  private final String record;

  public HprofFormatException(String file, long offset, String record, String problem) {
    super(String.format("%s: offset 0x%x: %s: %s", file, offset, record, problem));
    this.file = file;
    this.offset = offset;
    this.record = record;
  }

  /** The dump's name as given when it was opened. */
  public String file() {
    return file;
  }

  /** Offset in the plain HPROF data where the problem was found. */
  public long offset() {
    return offset;
  }

  /** The record (or sub-record) being read, e.g. {@code HEAP DUMP SEGMENT}. */
  public String record() {
    return record;
  }
}
