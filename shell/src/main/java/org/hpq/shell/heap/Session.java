package org.hpq.shell.heap;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.hpq.equivalence.Heap;
import org.hpq.hprof.HeapDump;
import org.hpq.hprof.HprofFormatException;
import org.hpq.hprof.OpenOptions;

/**
 * The dumps open in one shell session: the main one and any opened with {@code hp.load(path)}.
 * Closing the session closes them all.
 */
public final class Session implements Closeable {
  private final OpenOptions options;
  private final List<HeapDump> dumps = new ArrayList<>();

  public Session(OpenOptions options) {
    this.options = options;
  }

  /** Opens {@code dump} in this session and returns its heap. */
  public Heap open(java.nio.file.Path dump) throws IOException, HprofFormatException {
    HeapDump opened = HeapDump.open(dump, options);
    synchronized (dumps) {
      dumps.add(opened);
    }
    return Heap.of(opened);
  }


  @Override
  public void close() throws IOException {
    synchronized (dumps) {
      for (HeapDump dump : dumps) {
        dump.close();
      }
      dumps.clear();
    }
  }
}
