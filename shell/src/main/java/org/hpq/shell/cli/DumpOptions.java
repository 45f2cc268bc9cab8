package org.hpq.shell.cli;

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
      names = "--size-model",
      description = "Override the detected object layout: HEADER,REFERENCE,ALIGNMENT in bytes, e.g. 12,4,8.",
      converter = SizeModelConverter.class)
  SizeModel sizeModel;

  @Option(names = "--debug", description = "Print stack traces of errors.")
  boolean debug;

  OpenOptions toOpenOptions(boolean showProgress) {
    OpenOptions options =
        OpenOptions.defaults()
            .withStrictness(strictness)
            .withHeapDumpNumber(heapDump)
            .withSizeModel(sizeModel)
            .withIndexDirectory(indexDirectory);
    String cache = System.getenv("HPQ_CACHE");
    if (cache != null && !cache.isEmpty()) {
      options = options.withCacheDirectory(Path.of(cache));
    }
    return showProgress ? options.withProgress(new ProgressBar(System.err)) : options;
  }

  static final class SizeModelConverter implements picocli.CommandLine.ITypeConverter<SizeModel> {
    @Override
    public SizeModel convert(String value) {
      return SizeModel.parse(value);
    }
  }
}
