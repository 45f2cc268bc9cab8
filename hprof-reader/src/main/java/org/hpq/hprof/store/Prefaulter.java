package org.hpq.hprof.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Brings the pages of files into memory on a background thread, ahead of the code that will
 * write them, so that a phase of the build that runs on one thread does not also pay, on that
 * thread, for the memory it is about to fill.
 *
 * <p>Why: on the virtual machines hpq is measured on, the first touch of memory the guest has
 * not used lately costs the kernel about 3 to 4 s a GB (the host faults the page in, the guest
 * zero-fills it), against 0.4 s a GB for memory already held. Reading a range of a file that
 * has not been written yet (a hole of a sparse file) makes the kernel put zero-filled pages for
 * it into the page cache, so the later writes through a mapping find them there. Reading is done
 * with plain positional reads of the file, never through the mapping of the writer: a file that
 * is unmapped, truncated or closed while a read is under way can only make that read short or
 * fail, which ends the request quietly. Nothing is ever written, so the files' contents are
 * exactly what their writers put there.
 *
 * <p>Requests run one at a time in the order given. {@link #close} drops the requests not yet
 * started and waits for the one under way.
 */
public final class Prefaulter implements AutoCloseable {
  /** Bytes read at a time; also how soon a request notices {@link #close}. */
  private static final int CHUNK = 1 << 20;

  private final Deque<Request> requests = new ArrayDeque<>();
  private final Thread thread;
  private boolean closed;
  private boolean busy;
  private long bytesRead;

  /** A range of a file to bring in: by path, or through a channel owned by someone else. */
  private record Request(Path path, FileChannel channel, long from, long to) {}

  private Prefaulter(boolean enabled) {
    if (enabled) {
      thread = new Thread(this::run, "hpq-prefaulter");
      thread.setDaemon(true);
      thread.start();
    } else {
      thread = null;
    }
  }

  /**
   * A prefaulter with its own thread when the machine has a core to spare for it, one that does
   * nothing otherwise.
   */
  public static Prefaulter start() {
    return new Prefaulter(Runtime.getRuntime().availableProcessors() > 1);
  }

  /** A prefaulter that does nothing (for small builds and tests of the rest). */
  public static Prefaulter none() {
    return new Prefaulter(false);
  }

  /** Asks for bytes {@code [from, to)} of the file {@code path}. */
  public void touch(Path path, long from, long to) {
    add(new Request(path, null, from, to));
  }

  /**
   * Asks for the elements {@code [from, to)} of {@code array} when it is a scratch array in a
   * file (nothing otherwise). The array may be closed at any time.
   */
  public void touch(LongArray array, long from, long to) {
    if (array instanceof MappedLongArray mapped) {
      touch(mapped.file(), from << 3, to << 3);
    } else if (array instanceof NarrowMappedLongArray narrow) {
      touch(narrow.file(), from << 2, to << 2);
    }
  }

  /** As {@link #touch(LongArray, long, long)} for an int array. */
  public void touch(IntArray array, long from, long to) {
    if (array instanceof MappedIntArray mapped) {
      touch(mapped.file(), from << 2, to << 2);
    }
  }

  private void touch(MappedFile file, long from, long to) {
    FileChannel channel = file.readChannelOrNull();
    if (channel != null) {
      add(new Request(null, channel, from, to));
    }
  }

  private synchronized void add(Request request) {
    if (thread != null && !closed && request.to() > request.from()) {
      requests.addLast(request);
      notifyAll();
    }
  }

  /** The bytes read so far, for measurements. */
  public synchronized long bytesRead() {
    return bytesRead;
  }

  private void run() {
    ByteBuffer buffer = ByteBuffer.allocateDirect(CHUNK);
    while (true) {
      Request request;
      synchronized (this) {
        while (requests.isEmpty() && !closed) {
          try {
            wait();
          } catch (InterruptedException e) {
            return;
          }
        }
        if (closed) {
          return;
        }
        request = requests.removeFirst();
        busy = true;
      }
      try {
        read(request, buffer);
      } finally {
        synchronized (this) {
          busy = false;
          notifyAll();
        }
      }
    }
  }

  /** Waits until every request made so far has been carried out (for tests and measurements). */
  public synchronized void awaitIdle() throws InterruptedException {
    while (thread != null && !closed && (busy || !requests.isEmpty())) {
      wait();
    }
  }

  private void read(Request request, ByteBuffer buffer) {
    try (FileChannel own = request.path() == null ? null : FileChannel.open(request.path(), StandardOpenOption.READ)) {
      FileChannel channel = own == null ? request.channel() : own;
      for (long position = request.from(); position < request.to(); ) {
        synchronized (this) {
          if (closed) {
            return;
          }
        }
        buffer.clear();
        buffer.limit((int) Math.min(CHUNK, request.to() - position));
        int read = channel.read(buffer, position);
        if (read <= 0) {
          return;
        }
        position += read;
        synchronized (this) {
          bytesRead += read;
        }
      }
    } catch (IOException | RuntimeException e) {
      // A file closed, truncated or deleted under the request: nothing to bring in any more.
    }
  }

  /** Drops the requests not started and waits for the one under way to stop. */
  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      requests.clear();
      notifyAll();
    }
    if (thread != null) {
      boolean interrupted = false;
      while (thread.isAlive()) {
        try {
          thread.join();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
