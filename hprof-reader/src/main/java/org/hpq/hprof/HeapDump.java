package org.hpq.hprof;

import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.io.UncheckedIOException;
import java.util.concurrent.CancellationException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hpq.hprof.dominators.DominatorTree;
import org.hpq.hprof.dominators.ObjectGraph;
import org.hpq.hprof.graph.Csr;
import org.hpq.hprof.internal.FieldReader;
import org.hpq.hprof.internal.IdIndex;
import org.hpq.hprof.internal.InboundLabelCodes;
import org.hpq.hprof.internal.IndexFiles;
import org.hpq.hprof.internal.IndexMeta;
import org.hpq.hprof.internal.IndexStore;
import org.hpq.hprof.internal.Labels;
import org.hpq.hprof.io.DumpSource;
import org.hpq.hprof.io.DumpSources;
import org.hpq.hprof.io.UnknownDumpFormatException;
import org.hpq.hprof.store.BigArrays;
import org.hpq.hprof.store.ByteArray;
import org.hpq.hprof.store.IntArray;
import org.hpq.hprof.store.LongArray;

/**
 * An opened heap dump: the object graph of one heap dump of an HPROF file, read from its index
 * (built beside the dump on first open, memory-mapped afterwards).
 *
 * <p>Objects are dense indexes {@code 0..objectCount()-1} in ascending id order. Every object has
 * a kind, a class, a shallow size, outbound and inbound labelled references, and a reachability
 * flag. Field values and String text are read lazily from the dump, which is never written to.
 * Safe for concurrent reads.
 *
 * <pre>{@code
 * try (HeapDump dump = HeapDump.open(Path.of("app.hprof"), OpenOptions.defaults())) {
 *   for (int object = 0; object < dump.objectCount(); object++) { ... dump.className(object) ... }
 * }
 * }</pre>
 */
public final class HeapDump implements Closeable {
  private final Path path;
  private final DumpSource source;
  private final IndexMeta meta;
  private final Path indexDirectory;
  private final String indexNote;
  private final LongArray ids;
  private final LongArray offsets;
  private final IntArray pages;
  private final ByteArray kinds;
  private final IntArray classOf;
  private final LongArray shallow;
  private final ByteArray flags;
  private final Csr outbound;
  private final Csr inbound;
  private final IntArray inLabels;
  private final IdIndex idIndex;
  private final Labels labels;
  /** The code of {@code <class>}, the label of every implicit class edge (0 when none has one). */
  private final int classLabel;
  private final Int2ObjectOpenHashMap<JavaClass> classes = new Int2ObjectOpenHashMap<>();
  private final Map<String, List<JavaClass>> classesByName = new HashMap<>();
  private final FieldReader fields;
  private final DominatorTree dominatorTree;
  private final ObjectGraph objectGraph;

  private HeapDump(Path path, DumpSource source, IndexMeta meta, Path directory, String indexNote) {
    this.path = path;
    this.source = source;
    this.meta = meta;
    this.indexDirectory = directory;
    this.indexNote = indexNote;
    int n = meta.objectCount;
    long e = meta.edgeCount;
    ids = BigArrays.mapScaled(directory.resolve(IndexFiles.IDS), n, meta.idBase, meta.idShift);
    offsets = BigArrays.mapOffsets(directory.resolve(IndexFiles.OFFSETS), n);
    pages = BigArrays.mapInts(directory.resolve(IndexFiles.PAGES), meta.pageCount, false);
    kinds = BigArrays.mapBytes(directory.resolve(IndexFiles.KINDS), n, false);
    shallow = BigArrays.mapShallow(directory.resolve(IndexFiles.SHALLOW), n, meta.shallowShift, meta.largeShallowSizes);
    flags = BigArrays.mapBytes(directory.resolve(IndexFiles.FLAGS), n, false);
    // The out files hold all edges but each object's edge to its class, which the class column
    // holds: an implicit edge of the outbound graph.
    LongArray outOffsets = BigArrays.mapOffsets(directory.resolve(IndexFiles.OUT_OFFSETS), n + 1L);
    long stored = outOffsets.get(n);
    if (stored > e) {
      throw new IllegalStateException("index lists " + e + " references but stores " + stored);
    }
    classOf = BigArrays.mapInts(directory.resolve(IndexFiles.CLASSES), n, false);
    outbound =
        Csr.withImplicitEdges(
            outOffsets,
            BigArrays.mapInts(directory.resolve(IndexFiles.OUT_TARGETS), stored, false),
            BigArrays.mapLongs(directory.resolve(IndexFiles.OUT_WEAK), (stored + 63) >>> 6, false),
            classOf,
            e - stored,
            null);
    inLabels = BigArrays.mapInts(directory.resolve(IndexFiles.IN_LABELS), e, false);
    inbound =
        new Csr(
            BigArrays.mapOffsets(directory.resolve(IndexFiles.IN_OFFSETS), n + 1L),
            BigArrays.mapInts(directory.resolve(IndexFiles.IN_SOURCES), e, false),
            BigArrays.mapLongs(directory.resolve(IndexFiles.IN_WEAK), (e + 63) >>> 6, false));
    idIndex = IdIndex.open(ids, n, pages, meta.pageShift);
    labels = new Labels(meta.labels);
    classLabel = labels.codeOrZero(Labels.CLASS);
    for (JavaClass javaClass : meta.classes) {
      classes.put(javaClass.objectIndex(), javaClass);
      classesByName.computeIfAbsent(javaClass.name(), k -> new ArrayList<>(1)).add(javaClass);
    }
    dominatorTree =
        DominatorTree.of(
            BigArrays.mapInts(directory.resolve(IndexFiles.DOMINATORS), n, false),
            BigArrays.mapLongs(directory.resolve(IndexFiles.RETAINED), n, false),
            BigArrays.mapLongs(directory.resolve(IndexFiles.STRONGLY_REACHABLE), (n + 63L) >>> 6, false),
            BigArrays.mapLongs(directory.resolve(IndexFiles.WEAK_ROOTS), (n + 63L) >>> 6, false));
    objectGraph =
        ObjectGraph.of(outbound, inbound, meta.roots.stream().mapToInt(GcRoot::object).toArray(), shallow);
    fields = new FieldReader(source, meta.idSize, offsets, idIndex, this::javaClassOrNull);
  }

  /**
   * Opens {@code dump} (plain HPROF, or gzip of either kind), building its index first if there is
   * no valid one.
   *
   * @throws NoSuchFileException if the dump does not exist
   * @throws IOException if it cannot be read, or the index cannot be written anywhere
   * @throws HprofFormatException if the dump is malformed beyond what {@code options.strictness()}
   *     allows
   */
  public static HeapDump open(Path dump, OpenOptions options) throws IOException, HprofFormatException {
    if (!Files.exists(dump)) {
      throw new NoSuchFileException(dump.toString(), null, "no such file");
    }
    DumpSource source;
    try {
      source = DumpSources.open(dump, options.cacheDirectory());
    } catch (UnknownDumpFormatException e) {
      HprofFormatException format = new HprofFormatException(dump.toString(), 0, "header", e.problem());
      format.initCause(e);
      throw format;
    }
    try {
      IndexStore store = IndexStore.locate(dump, options);
      StringBuilder note = new StringBuilder();
      Path directory;
      try {
        directory = store.openOrBuild(source, options, problem -> note.append("index rebuilt: ").append(problem));
      } catch (FileSystemException e) {
        // The dump's folder looked writable but is not (read-only mount, ACL): use the cache.
        IndexStore fallback = store.fallbackOrNull(options);
        if (fallback == null) {
          throw e;
        }
        directory = fallback.openOrBuild(source, options, problem -> note.append("index rebuilt: ").append(problem));
      }
      IndexMeta meta = IndexMeta.read(directory.resolve(IndexFiles.META));
      return new HeapDump(dump, source, meta, directory, note.length() == 0 ? null : note.toString());
    } catch (IOException | HprofFormatException | CancellationException e) {
      source.close();
      throw e;
    } catch (UncheckedIOException e) {
      source.close();
      throw e.getCause();
    } catch (RuntimeException e) {
      // A malformed dump must give HprofFormatException; anything else is a reader bug, but the
      // caller still gets the documented exception, with the cause attached for a bug report.
      source.close();
      HprofFormatException format =
          new HprofFormatException(dump.toString(), 0, "heap dump", "internal error while reading: " + e);
      format.initCause(e);
      throw format;
    }
  }

  /** Opens {@code dump} with {@link OpenOptions#defaults()}. */
  public static HeapDump open(Path dump) throws IOException, HprofFormatException {
    return open(dump, OpenOptions.defaults());
  }

  public Path path() {
    return path;
  }

  /** The directory holding the index files. */
  public Path indexDirectory() {
    return indexDirectory;
  }

  /** Why an existing index was rebuilt on this open, or null. */
  public String indexNote() {
    return indexNote;
  }

  /** The header's version text, e.g. {@code JAVA PROFILE 1.0.2}. */
  public String version() {
    return meta.version;
  }

  public int idSize() {
    return meta.idSize;
  }

  /** Milliseconds since the epoch when the dump was written. */
  public long timestamp() {
    return meta.timestamp;
  }

  /** How many heap dumps the file holds, and which one this is (from 0). */
  public int heapDumpCount() {
    return meta.heapDumpCount;
  }

  public int heapDumpNumber() {
    return meta.heapDumpNumber;
  }

  public SizeModel sizeModel() {
    return meta.sizeModel;
  }

  /** Problems found and repaired while reading (never null). */
  public List<String> warnings() {
    return List.copyOf(meta.warnings);
  }

  /** Seconds the index build took, and its peak Java heap in bytes (as recorded at build time). */
  public double buildSeconds() {
    return meta.buildSeconds;
  }

  public long buildPeakHeap() {
    return meta.buildPeakHeap;
  }

  public int objectCount() {
    return meta.objectCount;
  }

  /** Number of references (edges) in the graph, weak ones included. */
  public long referenceCount() {
    return meta.edgeCount;
  }

  public long id(int object) {
    return ids.get(object);
  }

  /** The index of the object with id {@code id}, or -1. */
  public int indexOf(long id) {
    return idIndex.indexOf(id);
  }

  public ObjectKind kind(int object) {
    return ObjectKind.ofCode(kinds.get(object));
  }

  /** Element type of a primitive array; null for other objects. */
  public BasicType elementType(int object) {
    int code = kinds.get(object);
    return code >= 4 ? BasicType.ofTagOrNull(code) : null;
  }

  /** The object index of the object's class object, or -1 when the dump lacks it. */
  public int classIndex(int object) {
    return classOf.get(object);
  }

  /** The class of {@code object}, or null when the dump lacks it. */
  public JavaClass javaClassOrNull(int object) {
    int index = classOf.get(object);
    return index < 0 ? null : classes.get(index);
  }

  /** The class whose class object is {@code classObject}, or null if it is not a class object. */
  public JavaClass classAtOrNull(int classObject) {
    return classes.get(classObject);
  }

  /** The Java name of the object's type: {@code java.lang.String}, {@code byte[]}, {@code java.lang.Class}. */
  public String typeName(int object) {
    JavaClass javaClass = javaClassOrNull(object);
    if (javaClass != null) {
      return javaClass.name();
    }
    return switch (kind(object)) {
      case PRIMITIVE_ARRAY -> elementType(object).javaName() + "[]";
      case CLASS -> "java.lang.Class";
      case OBJECT_ARRAY -> "java.lang.Object[]";
      case INSTANCE -> "<unknown class>";
    };
  }

  public Collection<JavaClass> classes() {
    return classes.values();
  }

  /** Classes of that Java name (one per defining loader); empty if none. */
  public List<JavaClass> classesNamed(String name) {
    return classesByName.getOrDefault(name, List.of());
  }

  public long shallowSize(int object) {
    return shallow.get(object);
  }

  /**
   * Copies the kind codes of objects {@code from .. from + count - 1} into {@code into[offset ..
   * offset + count - 1]}: the codes {@link ObjectKind#ofCode} reads (1 instance, 2 class, 3 object
   * array, 4 to 11 primitive arrays by element tag), so a code of 3 or more is an array. For
   * passes over many objects: one call instead of {@link #kind} per object.
   *
   * @throws IndexOutOfBoundsException if either range is out of bounds
   */
  public void kindCodes(int from, byte[] into, int offset, int count) {
    Objects.checkFromIndexSize(from, count, meta.objectCount);
    Objects.checkFromIndexSize(offset, count, into.length);
    for (int k = 0; k < count; k++) {
      into[offset + k] = kinds.get(from + k);
    }
  }

  /**
   * Copies {@link #classIndex} of objects {@code from .. from + count - 1} into {@code into[offset
   * .. offset + count - 1]}, in one copy from the index.
   *
   * @throws IndexOutOfBoundsException if either range is out of bounds
   */
  public void classIndexes(int from, int[] into, int offset, int count) {
    classOf.get(from, into, offset, count);
  }

  /**
   * Copies {@link #shallowSize} of objects {@code from .. from + count - 1} into {@code
   * into[offset .. offset + count - 1]}, in one copy from the index.
   *
   * @throws IndexOutOfBoundsException if either range is out of bounds
   */
  public void shallowSizes(int from, long[] into, int offset, int count) {
    shallow.get(from, into, offset, count);
  }

  /**
   * Copies {@link #isRoot} of objects {@code from .. from + count - 1} into {@code into[offset ..
   * offset + count - 1]}.
   *
   * @throws IndexOutOfBoundsException if either range is out of bounds
   */
  public void rootFlags(int from, boolean[] into, int offset, int count) {
    Objects.checkFromIndexSize(from, count, meta.objectCount);
    Objects.checkFromIndexSize(offset, count, into.length);
    for (int k = 0; k < count; k++) {
      into[offset + k] = (flags.get(from + k) & 2) != 0;
    }
  }

  /**
   * Copies the label codes of inbound positions {@code position .. position + count - 1} ({@link
   * #inboundLabel}) into {@code into[offset .. offset + count - 1]}, in one copy from the index.
   *
   * @throws IndexOutOfBoundsException if either range is out of bounds
   */
  public void inboundLabels(long position, int[] into, int offset, int count) {
    inLabels.get(position, into, offset, count);
    for (int k = offset; k < offset + count; k++) {
      into[k] = InboundLabelCodes.code(into[k], classLabel);
    }
  }

  /** Reachable from the GC roots over all references, weak ones included. */
  public boolean isReachable(int object) {
    return (flags.get(object) & 1) != 0;
  }

  /** Held directly by a GC root. */
  public boolean isRoot(int object) {
    return (flags.get(object) & 2) != 0;
  }

  /** Outbound references, with weak-edge bits. */
  public Csr outbound() {
    return outbound;
  }

  /** Inbound references (referrers), with weak-edge bits; labels through {@link #inboundLabel}. */
  public Csr inbound() {
    return inbound;
  }

  /** Label code of the inbound edge at {@code position}: {@code >= 0} an array slot. */
  public int inboundLabel(long position) {
    return InboundLabelCodes.code(inLabels.get(position), classLabel);
  }

  /** Text of a label code: {@code .next}, {@code [3]}, {@code java.lang.System.out}, {@code <class>}. */
  public String labelText(int code) {
    return labels.text(code);
  }

  /** Every label text of the dump (codes {@code -1 - k} for entry k). */
  public List<String> labelTexts() {
    return List.copyOf(meta.labels);
  }

  /**
   * The label of the edge from {@code source} to {@code target} (the first, if several), or null
   * if there is none.
   */
  public String edgeLabel(int source, int target) {
    for (long p = inbound.start(target), end = inbound.end(target); p < end; p++) {
      if (inbound.neighbour(p) == source) {
        return labels.text(inboundLabel(p));
      }
    }
    return null;
  }

  /**
   * The GC roots: the dump's ROOT sub-records, then the roots HotSpot holds but does not write,
   * with {@code threadSerial} -1 unless noted: a {@code <root: sticky class>} for every
   * boot-loader class without one (array classes), a {@code <root: thread object NAME>} for every
   * running thread with no referrer and no root (threads hidden from external view), and a {@code
   * <root: JNI local main>} (main thread's serial) for the launcher's copy of the main class's
   * name. See {@code docs/notes/real-dumps.md}.
   */
  public List<GcRoot> roots() {
    return meta.roots;
  }

  /**
   * The dominator tree over strong references, from a virtual root whose children are the GC roots
   * (and the objects reachable only through weak references), with the retained size of every
   * object. Computed when the index was built.
   */
  public DominatorTree dominatorTree() {
    return dominatorTree;
  }

  /** The graph as the dominator and path algorithms take it (roots, both edge directions, sizes). */
  public ObjectGraph objectGraph() {
    return objectGraph;
  }

  /** Retained size of one object in bytes; 0 for an unreachable one. */
  public long retainedSize(int object) {
    return dominatorTree.retainedSize(object);
  }

  /** Field values of an instance, own class first; empty for other objects. */
  public List<FieldValue> fields(int object) {
    return fields.fields(object);
  }

  /** Text of a {@code java.lang.String}, or null. */
  public String stringValue(int object) {
    return fields.stringValue(object);
  }

  /** Length of an array; -1 for other objects. */
  public long arrayLength(int object) {
    return fields.arrayLength(object);
  }

  /** Up to {@code limit} elements from {@code from}: object indexes for object arrays, bits else. */
  public long[] arrayElements(int object, long from, int limit) {
    return fields.elements(object, from, limit);
  }

  @Override
  public void close() throws IOException {
    for (AutoCloseable array :
        new AutoCloseable[] {ids, offsets, pages, kinds, classOf, shallow, flags, inLabels, outbound.offsets(),
            outbound.neighbours(), outbound.weakBits(), inbound.offsets(), inbound.neighbours(), inbound.weakBits(), dominatorTree.immediateDominators(),
            dominatorTree.retainedSizes(), dominatorTree.stronglyReachableBits(), dominatorTree.weakRootBits()}) {
      try {
        array.close();
      } catch (Exception e) {
        throw new IOException(e);
      }
    }
    source.close();
  }
}
