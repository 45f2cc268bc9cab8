package org.hpq.shell.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.hpq.hprof.OpenOptions;
import org.hpq.hprof.SizeModel;
import org.hpq.hprof.Strictness;
import picocli.CommandLine.Option;

/** Options shared by every command that opens a dump. */
final class DumpOptions {
  @Option(
      names = "--strictness",
      description = "What to do with a malformed dump: STRICT (stop), WARN (repair and warn; default), PERMISSIVE (also open a truncated dump as far as it goes).",
      defaultValue = "WARN")
  Strictness strictness;

  @Option(names = "--heap-dump", description = "Which heap dump of the file to read, from 0 (default 0).", defaultValue = "0")
  int heapDump;

  @Option(names = "--index-dir", description = "Directory for the index (default: beside the dump, or the cache directory).")
  Path indexDirectory;

  @Option(
      names = "--scratch-dir",
      description = "Directory for the build's temporary arrays (default: /dev/shm when it and the free memory have room for the dump's size, else the index directory).")
  Path scratchDirectory;

  @Option(
      names = "--size-model",
      description = "Override the detected object layout: HEADER,REFERENCE,ALIGNMENT in bytes, e.g. 12,4,8.",
      converter = SizeModelConverter.class)
  SizeModel sizeModel;

  @Option(names = "--debug", description = "Print stack traces of errors.")
  boolean debug;

  /** The open options these flags give; a progress bar on {@code progress} unless it is null. */
  OpenOptions toOpenOptions(PrintWriter progress) {
    OpenOptions options =
        OpenOptions.defaults()
            .withStrictness(strictness)
            .withHeapDumpNumber(heapDump)
            .withSizeModel(sizeModel)
            .withIndexDirectory(indexDirectory)
            .withScratchDirectory(scratchDirectory);
    String cache = System.getenv("HPQ_CACHE");
    if (cache != null && !cache.isEmpty()) {
      options = options.withCacheDirectory(Path.of(cache));
    }
    return progress != null ? options.withProgress(new ProgressBar(progress)) : options;
  }

  /**
   * Parses {@code HEADER,REFERENCE,ALIGNMENT}: a header of 4 to 64 bytes, 4- or 8-byte references
   * and a power-of-two alignment up to 256 (anything else would give meaningless sizes).
   */
  static final class SizeModelConverter implements picocli.CommandLine.ITypeConverter<SizeModel> {
    @Override
    public SizeModel convert(String value) {
      SizeModel model;
      try {
        model = SizeModel.parse(value);
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException(
            "expected HEADER,REFERENCE,ALIGNMENT in bytes such as 12,4,8, not '" + value + "'");
      }
      int alignment = model.alignment();
      if (model.headerSize() < 4 || model.headerSize() > 64 || (model.referenceSize() != 4 && model.referenceSize() != 8)
          || alignment < 1 || alignment > 256 || Integer.bitCount(alignment) != 1) {
        throw new picocli.CommandLine.TypeConversionException("'" + value
            + "' is not a layout: the header takes 4 to 64 bytes, references 4 or 8, the alignment a power of two");
      }
      return model;
    }
  }
}
