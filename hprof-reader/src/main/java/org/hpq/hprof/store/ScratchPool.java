package org.hpq.hprof.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scratch files that are handed out again once released, so that a long build touches the same
 * pages of memory in phase after phase instead of fresh ones. On the virtual machines hpq is
 * measured on, a fresh page costs far more than a reused one (about 2 s of kernel time a GB: the
 * host faults it in and the kernel zero-fills it); a released page that is still mapped costs
 * only the writes of its next user. Files are sparse and made at least {@link #MINIMUM_CAPACITY}
 * bytes long, so that one can serve any later, larger request.
 */
final class ScratchPool implements AutoCloseable {
  /** Sparse capacity of a new scratch file: address space only, no memory until touched. */
  static final long MINIMUM_CAPACITY = 4L << 30;

  private final Path directory;
  private final List<Entry> released = new ArrayList<>();
  private final List<MappedFile> files = new ArrayList<>();
  /** The files leased out, each with the bytes it may have touched once it comes back. */
  private final Map<MappedFile, Long> leases = new IdentityHashMap<>();

  /** A released file and how many of its leading bytes earlier leases may have touched. */
  private record Entry(MappedFile file, long touched) {}

  ScratchPool(Path directory) {
    this.directory = directory;
  }

  /**
   * A lease of {@code byteSize} bytes; zero-filled when {@code zeroed}, otherwise holding whatever
   * an earlier lease left. Prefers the released file with the most touched bytes that fits.
   */
  synchronized MappedFile lease(long byteSize, boolean zeroed) {
    int best = -1;
    for (int i = 0; i < released.size(); i++) {
      Entry entry = released.get(i);
      if (entry.file().byteSize() >= byteSize && (best < 0 || entry.touched() > released.get(best).touched())) {
        best = i;
      }
    }
    MappedFile file;
    long touched;
    if (best >= 0) {
      Entry entry = released.remove(best);
      file = entry.file();
      touched = entry.touched();
      if (zeroed) {
        file.setBytes(0, Math.min(byteSize, touched), (byte) 0);
      }
    } else {
      file = MappedFile.temporary(directory, Math.max(byteSize, MINIMUM_CAPACITY));
      files.add(file);
      touched = 0;
    }
    leases.put(file, Math.max(touched, byteSize));
    return file.lease(byteSize, this);
  }

  synchronized void release(MappedFile file) {
    Long touched = leases.remove(file);
    if (touched != null) {
      released.add(new Entry(file, touched));
    }
  }

  /** Unmaps every file of the pool; leases still open must not be used afterwards. */
  @Override
  public synchronized void close() {
    for (MappedFile file : files) {
      file.close();
    }
    files.clear();
    released.clear();
    leases.clear();
  }
}
