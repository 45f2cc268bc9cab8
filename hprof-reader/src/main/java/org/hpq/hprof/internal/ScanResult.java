package org.hpq.hprof.internal;

import it.unimi.dsi.fastutil.ints.Int2LongOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import java.util.ArrayList;
import java.util.List;
import org.hpq.hprof.store.LongArray;

/**
 * What the first pass over a dump found: the symbols, class and stack records, the GC roots, and
 * the id and file offset of every object of the chosen heap dump, in file order.
 */
public final class ScanResult {
  public String version;
  public int idSize;
  public long timestamp;
  public int heapDumpCount;

  public final Long2ObjectOpenHashMap<String> strings = new Long2ObjectOpenHashMap<>();
  /** LOAD CLASS: class object id to name id. */
  public final Long2LongOpenHashMap classNameIds = new Long2LongOpenHashMap();
  /** LOAD CLASS: class serial to class object id. */
  public final Int2LongOpenHashMap classSerials = new Int2LongOpenHashMap();

  public final Long2ObjectOpenHashMap<StackFrameRecord> frames = new Long2ObjectOpenHashMap<>();
  public final List<StackTraceRecord> traces = new ArrayList<>();
  public final List<ClassDumpRecord> classDumps = new ArrayList<>();
  public final List<RootRecord> roots = new ArrayList<>();
  public final List<String> warnings = new ArrayList<>();

  /** Object ids in file order; the first {@link #objectCount} entries are used. */
  public LongArray objectIds;
  /** File offsets of the objects' sub-records (at the sub-record tag), in file order. */
  public LongArray objectOffsets;
  public long objectCount;
  /**
   * The smallest and largest (unsigned) object id seen and the bits set in any id: bounds for
   * every id kept, so that ids can be stored as 4-byte steps from the smallest.
   */
  public long smallestId = -1L;
  public long largestId;
  public long idBits;
  /** The most element bytes of any array (a bound for shallow sizes; NODATA arrays included). */
  public long largestArrayBytes;
  /**
   * Objects whose record or element bytes reach {@link #LARGE_OBJECT_BYTES} (NODATA arrays
   * included): at least as many as have a shallow size of half a megabyte or more.
   */
  public long largeObjects;
  /** Bytes from which {@link #largeObjects} counts an object: well below half a megabyte. */
  public static final long LARGE_OBJECT_BYTES = 1 << 18;
  /** Whether {@link #objectIds} is strictly ascending (so no sort is needed). */
  public boolean idsAscending = true;
  /** Where reading stopped: the data length, or less when a permissive read ended early. */
  public long endOffset;

  /** Counts {@code id} into {@link #smallestId}, {@link #largestId} and {@link #idBits}. */
  void noteId(long id) {
    if (Long.compareUnsigned(id, smallestId) < 0) {
      smallestId = id;
    }
    if (Long.compareUnsigned(id, largestId) > 0) {
      largestId = id;
    }
    idBits |= id;
  }

  /** Takes in the id range, id bits, largest array and large objects that {@code other} noted. */
  void noteFiguresOf(ScanResult other) {
    if (Long.compareUnsigned(other.smallestId, smallestId) < 0) {
      smallestId = other.smallestId;
    }
    if (Long.compareUnsigned(other.largestId, largestId) > 0) {
      largestId = other.largestId;
    }
    idBits |= other.idBits;
    largestArrayBytes = Math.max(largestArrayBytes, other.largestArrayBytes);
    largeObjects += other.largeObjects;
  }

  /** Object-typed constant pool entries of the class dump of {@code classId}. */
  public long[] constantPoolReferences(long classId) {
    if (constantPools == null) {
      constantPools = new it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap<>();
      for (ClassDumpRecord record : classDumps) {
        if (record.constantPoolReferences().length > 0) {
          constantPools.put(record.classId(), record.constantPoolReferences());
        }
      }
    }
    long[] references = constantPools.get(classId);
    return references == null ? new long[0] : references;
  }

  private it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap<long[]> constantPools;

  public String string(long id) {
    String text = strings.get(id);
    return text != null ? text : "<unknown string 0x" + Long.toHexString(id) + ">";
  }
}
