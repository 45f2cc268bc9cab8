package org.hpq.hprof.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hpq.hprof.GcRoot;
import org.hpq.hprof.HprofFormatException;
import org.hpq.hprof.OpenOptions;
import org.hpq.hprof.RootKind;
import org.hpq.hprof.SizeModel;
import org.hpq.hprof.concurrent.TwoThreads;
import org.hpq.hprof.dominators.DominatorTree;
import org.hpq.hprof.dominators.ObjectGraph;
import org.hpq.hprof.dominators.ResultArrays;
import org.hpq.hprof.dominators.TaskMonitor;
import org.hpq.hprof.graph.Csr;
import org.hpq.hprof.io.DumpSource;
import org.hpq.hprof.io.FileDumpSource;
import org.hpq.hprof.store.BigArrays;
import org.hpq.hprof.store.ByteArray;
import org.hpq.hprof.store.IntArray;
import org.hpq.hprof.store.LongArray;
import org.hpq.hprof.store.Prefaulter;
import org.hpq.hprof.store.ScratchSpace;
import org.hpq.hprof.store.ShortMappedLongArray;

/**
 * Builds the files of an index into an empty directory: two passes over the dump, the edges the
 * VM holds but HPROF omits ({@link ImpliedEdges}), the inbound edges, the roots with those the
 * dumper omits ({@link ImpliedRoots}, {@link LauncherMain}), reachability and the dominator tree.
 * The caller makes the directory visible atomically.
 */
public final class IndexBuilder {
  private final DumpSource source;
  private final OpenOptions options;
  private final Path directory;
  private final Path scratchDirectory;
  private final BigArrays scratch;
  private Prefaulter prefaulter;

  public IndexBuilder(DumpSource source, OpenOptions options, Path directory) {
    this.source = source;
    this.options = options;
    this.directory = directory;
    this.scratchDirectory = ScratchSpace.choose(options.scratchDirectory(), directory, source.length());
    this.scratch = BigArrays.pooledScratchIn(scratchDirectory);
  }

  /** Where the build keeps its scratch arrays (see {@link ScratchSpace}). */
  public Path scratchDirectory() {
    return scratchDirectory;
  }

  public IndexMeta build() throws HprofFormatException, IOException {
    try {
      Files.createDirectories(scratchDirectory);
    } catch (IOException e) {
      String reason = e instanceof FileSystemException failure && failure.getReason() != null
          ? failure.getReason()
          : e.getMessage();
      throw new IOException("cannot keep scratch files in " + scratchDirectory + ": " + reason, e);
    }
    try (scratch; Prefaulter started = Prefaulter.start()) {
      prefaulter = started;
      return buildFiles();
    }
  }

  private IndexMeta buildFiles() throws HprofFormatException, IOException {
    long started = System.nanoTime();
    ScanResult scan =
        new RecordScanner(source, options.strictness(), options.heapDumpNumber(), scanSlots(), prefaulter, options.progress())
            .scan();
    options.progress().progress("sorting object ids", 0, scan.objectCount);
    if (scan.objectCount > Integer.MAX_VALUE - 8) {
      throw new HprofFormatException(source.name(), 0, "heap dump", scan.objectCount + " objects: more than hpq supports");
    }
    // Every file with an entry an object is made now, at the size of the objects found, so that
    // the prefaulter can bring their memory in while this thread orders the ids; repeated ids
    // (rare) make them shorter below.
    long edgeBound = edgeBound(scan);
    int idShift = Math.min(32, Long.numberOfTrailingZeros(scan.idBits));
    // Shallow sizes in 4 bytes, in steps of 8 bytes, when no object can be 32 GB: the size model
    // is chosen after the ids are in order; HotSpot's (and any with 8-byte alignment) gives sizes
    // in such steps, and an override may not.
    int shallowShift =
        (options.sizeModel() == null || options.sizeModel().alignment() % 8 == 0)
                && scan.largestArrayBytes < (1L << 35) - 4096
            ? 3
            : -1;
    // In 2 bytes (units of 8 bytes below half a megabyte) when few objects can be larger: those
    // are kept aside, and in the index's meta file.
    boolean shortShallow = shallowShift == 3 && scan.largeObjects <= IndexMeta.MAXIMUM_LARGE_SHALLOW;
    ObjectFiles objects =
        new ObjectFiles(scan.objectCount, edgeBound, scan.smallestId, scan.largestId, idShift, shallowShift, shortShallow);
    objects.prefault();
    long[] duplicates = new long[1];
    int count =
        (int)
            IdSorter.sortInto(
                scan.objectIds, scan.objectOffsets, scan.objectCount, scan.idsAscending, objects.ids, objects.offsets,
                scratch, (id, offset) -> duplicate(scan, duplicates, id, offset));
    if (duplicates[0] > 1) {
      scan.warnings.add(duplicates[0] + " objects with duplicate ids were ignored");
    }
    scan.objectIds.close();
    scan.objectOffsets.close();
    if (count < scan.objectCount) {
      objects.close();
      objects = new ObjectFiles(count, edgeBound, scan.smallestId, scan.largestId, idShift, shallowShift, shortShallow);
    }
    LongArray ids = objects.ids;
    options.progress().progress("indexing object ids", 0, -1);
    // The lookup table for the reference pass needs only the ordered ids: a helper thread builds
    // it while this one builds the page table and reads the classes.
    IdLookup.Table[] lookupTable = new IdLookup.Table[1];
    int idCount = count;
    TwoThreads.Helper lookupBuilder =
        TwoThreads.start("hpq-id-lookup", () -> lookupTable[0] = IdLookup.buildTable(ids, idCount, scratch));
    try {
      return buildFromIds(scan, objects, count, edgeBound, idShift, shallowShift, lookupBuilder, lookupTable, started);
    } finally {
      lookupBuilder.join();
    }
  }

  /** The rest of the build, once the ids are in order and the lookup table is under way. */
  private IndexMeta buildFromIds(
      ScanResult scan,
      ObjectFiles objects,
      int count,
      long edgeBound,
      int idShift,
      int shallowShift,
      TwoThreads.Helper lookupBuilder,
      IdLookup.Table[] lookupTable,
      long started)
      throws HprofFormatException, IOException {
    LongArray ids = objects.ids;
    LongArray offsets = objects.offsets;
    long[] pageCount = new long[1];
    IdIndex idIndex =
        IdIndex.build(
            ids,
            count,
            size -> {
              pageCount[0] = size;
              return BigArrays.mapInts(file(IndexFiles.PAGES), size, true);
            });

    options.progress().progress("reading classes", 0, -1);
    HprofCursor cursor = new HprofCursor(source, 1 << 20, 4);
    cursor.idSize(scan.idSize);
    ClassTableBuilder classBuilder = new ClassTableBuilder(scan, idIndex, offsets, options.strictness(), source.name());
    SizeModel model = options.sizeModel();
    if (model == null) {
      ClassTable provisional = classBuilder.build(SizeModel.UNCOMPRESSED, new Labels());
      model = SizeModelDetector.detect(cursor, idIndex, offsets, provisional);
    }
    if (shallowShift == 3 && model.alignment() % 8 != 0) {
      throw new IllegalStateException("shallow sizes stored in steps of 8 bytes, but the size model aligns to " + model.alignment());
    }
    Labels labels = new Labels();
    ClassTable classes = classBuilder.build(model, labels);
    if (objects.shallow instanceof ShortMappedLongArray
        && classes.largestInstanceSize() >= (long) ShortMappedLongArray.ESCAPE << shallowShift) {
      // Every instance of such a class would be kept aside, and the scan did not count them.
      objects.widenShallow(count, shallowShift);
    }

    ByteArray kinds = objects.kinds;
    IntArray classOf = objects.classOf;
    LongArray shallow = objects.shallow;
    LongArray outOffsets = objects.outOffsets;
    IntArray outTargets = BigArrays.mapInts(file(IndexFiles.OUT_TARGETS), edgeBound, true);
    LongArray outWeak = BigArrays.mapLongs(file(IndexFiles.OUT_WEAK), (edgeBound + 63) >>> 6, true);
    // The instance fields' label texts are all known now; the class objects' come later.
    boolean narrowLabels = labels.texts().size() <= OutLabels.NARROW_TEXTS;
    EdgeSink sink =
        new EdgeSink(outOffsets, outTargets,
            narrowLabels ? scratch.newUninitializedShortIntArray(edgeBound) : scratch.newUninitializedIntArray(edgeBound),
            outWeak, new OutLabels.Encoder(narrowLabels));
    lookupBuilder.joinAndRethrow();
    IdLookup lookup = IdLookup.of(idIndex, lookupTable[0]);
    EdgeReader.createLabels(classes, labels, scan);
    SizeModel sizes = model;
    LongArray objectOffsets = offsets;
    // The inbound arrays get their final size once the edges are known; until then they hold
    // the edges the reference pass's second thread reads, so their memory is in use before the
    // inversion writes it. Its labels in 2 bytes go to scratch, in the form the sink keeps them,
    // so that the copy behind the first thread's edges is one memory copy.
    IntArray inSources = BigArrays.mapInts(file(IndexFiles.IN_SOURCES), edgeBound, true);
    IntArray inLabels =
        narrowLabels
            ? scratch.newUninitializedShortIntArray(edgeBound)
            : BigArrays.mapInts(file(IndexFiles.IN_LABELS), edgeBound, true);
    EdgePass.Result read =
        EdgePass.read(
            () -> {
              HprofCursor own = new HprofCursor(source, 1 << 20, 4);
              own.idSize(scan.idSize);
              return new EdgeReader(own, idIndex, lookup, objectOffsets, classes, sizes, labels, options.strictness(),
                  source.name(), scan);
            },
            source instanceof FileDumpSource, count, sink, new EdgePass.ObjectColumns(kinds, classOf, shallow),
            inSources, inLabels, scratch, scan, options.progress());
    long edges = read.edges();
    OutLabels outLabels = sink.outLabels();
    // The inversion writes the inbound sources wherever their targets' lists are: the part of the
    // file the parked edges did not touch is brought in meanwhile, while the referrers are counted
    // and the implied edges and roots found (one thread, mostly). There is at most an implicit
    // class edge an object; in.labels is left alone, as the class edges' labels stay holes.
    prefaulter.touch(file(IndexFiles.IN_SOURCES), read.parkedEdges() * Integer.BYTES,
        Math.min(edgeBound, edges + count) * Integer.BYTES);
    inSources.close();
    inLabels.close();
    lookup.close();

    options.progress().progress("counting referrers", 0, edges);
    LongArray inOffsets = objects.inOffsets;
    // An object's edge to its class is implicit: the class column holds it (see EdgeReader).
    Transposer.ImplicitEdges classEdges =
        Transposer.countInbound(count, outOffsets, outTargets, classOf, inOffsets, count >= Transposer.PARALLEL_NODES);
    options.progress().progress("finding the links HPROF omits", 0, -1);
    FieldReader fields =
        new FieldReader(source, scan.idSize, offsets, idIndex, object -> classes.classOrNull(classOf.get(object)));
    LauncherMain launcher = LauncherMain.findOrNull(scan, idIndex, fields);
    ImpliedEdges impliedEdges =
        new ImpliedEdges(count, outOffsets, outTargets, outLabels, classOf, classes, labels, fields,
            object -> inOffsets.get(object + 1L) != 0, launcher == null ? null : launcher.className());
    List<ImpliedEdge> implied = impliedEdges.find();
    if (edges + implied.size() > outTargets.size()) {
      scan.warnings.add(implied.size() + " implied edges of class mirrors were left out: no room in the edge arrays");
      implied = List.of();
    }
    if (!implied.isEmpty()) {
      edges = EdgeSplicer.insert(count, outOffsets, outTargets, outLabels, outWeak, implied);
      for (ImpliedEdge edge : implied) {
        inOffsets.set(edge.target() + 1L, inOffsets.get(edge.target() + 1L) + 1);
      }
    }
    // Roots first: the depth-first numbering that finds the reachable objects needs only them and
    // the outbound edges, so it runs while other threads invert the references.
    options.progress().progress("resolving roots", 0, -1);
    List<GcRoot> roots =
        new ArrayList<>(new RootResolver(scan, idIndex, fields, options.strictness(), source.name()).resolve());
    roots.addAll(
        new ImpliedRoots(scan, idIndex, classes, classOf, fields, object -> inOffsets.get(object + 1L) != 0)
            .find(roots, count));
    if (impliedEdges.launcherString() >= 0) {
      roots.add(new GcRoot(RootKind.JNI_LOCAL, impliedEdges.launcherString(), launcher.threadSerial(), "main", null));
    }
    int[] rootObjects = roots.stream().mapToInt(GcRoot::object).toArray();

    long allEdges = edges + classEdges.count();
    options.progress().progress("inverting references", 0, allEdges);
    inSources = BigArrays.mapInts(file(IndexFiles.IN_SOURCES), allEdges, true);
    inLabels = BigArrays.mapInts(file(IndexFiles.IN_LABELS), allEdges, true);
    LongArray inWeak = BigArrays.mapLongs(file(IndexFiles.IN_WEAK), (allEdges + 63) >>> 6, true);
    // The implicit class edges' label: in.labels does not store it (InboundLabelCodes), the
    // label table must have it.
    labels.code(Labels.CLASS);
    // The plain counting sort, not graph.EdgeTransposer: on this kind of machine a fresh page of a
    // mapped file costs more than the cache misses EdgeTransposer saves, and it needs 12 bytes of
    // scratch an edge: on the 217 M-edge benchmark dump it took 9 to 16 s of CPU (the spread from
    // page-cache pressure) against a steady 10 to 11 s for this. Both it and the numbering leave
    // part of the two cores idle (about 1.6 cores each), so they overlap: the inversion on helper
    // threads, the dominator tree here, waiting for the inbound edges before its predecessor pass.
    IntArray sources = inSources;
    IntArray sourceLabels = inLabels;
    TwoThreads.Helper inversion =
        TwoThreads.start("hpq-inversion", () -> {
          Transposer.placeCounted(count, outOffsets, outTargets, outLabels, outWeak, classOf, inOffsets,
              sources, sourceLabels, inWeak, read.parkedEdges(), count >= Transposer.PARALLEL_NODES);
          outLabels.close();
        });
    DominatorTree tree;
    try {
      tree = computeDominators(
          ObjectGraph.withInboundPending(
              Csr.withImplicitEdges(outOffsets, outTargets, outWeak, classOf, classEdges.count(), classEdges.targets()),
              new Csr(inOffsets, inSources, inWeak), rootObjects, shallow),
          inversion::joinAndRethrow);
    } finally {
      inversion.join();
    }
    ByteArray flags = BigArrays.mapBytes(file(IndexFiles.FLAGS), count, true);
    Reachability.mark(count, rootObjects, tree.immediateDominators(), flags);

    Map<Long, Long> largeShallowSizes =
        shallow instanceof ShortMappedLongArray twoBytes ? twoBytes.largeValues() : Map.of();
    for (AutoCloseable array :
        new AutoCloseable[] {ids, offsets, idIndex.pages(), kinds, classOf, shallow, outOffsets, outTargets, outWeak,
            inOffsets, inSources, inLabels, inWeak, flags, tree.immediateDominators(), tree.retainedSizes(),
            tree.stronglyReachableBits(), tree.weakRootBits()}) {
      // No msync: every file is checksummed on open, so pages lost in a crash mean a rebuild.
      close(array);
    }
    truncate(file(IndexFiles.OUT_TARGETS), edges * 4);
    truncate(file(IndexFiles.OUT_WEAK), ((edges + 63) >>> 6) * 8);

    IndexMeta meta = new IndexMeta();
    meta.version = scan.version;
    meta.idSize = scan.idSize;
    meta.timestamp = scan.timestamp;
    meta.heapDumpCount = scan.heapDumpCount;
    meta.heapDumpNumber = options.heapDumpNumber();
    meta.endOffset = scan.endOffset;
    meta.sizeModel = model;
    meta.objectCount = count;
    meta.edgeCount = allEdges;
    meta.pageShift = idIndex.shift();
    meta.idBase = scan.smallestId;
    meta.idShift = idShift;
    meta.shallowShift = Math.max(0, shallowShift);
    meta.largeShallowSizes.putAll(largeShallowSizes);
    meta.pageCount = pageCount[0];
    meta.classes.addAll(classes.classes());
    meta.classes.sort(java.util.Comparator.comparingInt(org.hpq.hprof.JavaClass::objectIndex));
    meta.labels.addAll(labels.texts());
    meta.roots.addAll(roots);
    meta.warnings.addAll(scan.warnings);
    meta.buildSeconds = (System.nanoTime() - started) / 1e9;
    meta.buildPeakHeap = org.hpq.hprof.PeakHeap.bytes();
    meta.write(file(IndexFiles.META));
    return meta;
  }

  /**
   * At least as many stored edges as the graph can have: one per id-sized word of the file (every
   * reference field, slot and static), two per object (a class loader's defined classes, and room
   * to spare: the edge to the object's class is not stored) and a few per class dump for the links
   * HPROF leaves out.
   */
  private static long edgeBound(ScanResult scan) {
    return scan.endOffset / scan.idSize + 2L * scan.objectCount + 16L * (scan.classDumps.size() + 1024L) + 1024;
  }

  /** The index files with an entry an object, mapped for writing. */
  private final class ObjectFiles implements AutoCloseable {
    final LongArray ids;
    final LongArray offsets;
    final ByteArray kinds;
    final IntArray classOf;
    LongArray shallow;
    final LongArray outOffsets;
    final LongArray inOffsets;

    /**
     * Ids go in 4 bytes when they all are {@code smallestId} plus a multiple of 2^{@code idShift}
     * below 2^32 of them; shallow sizes when {@code shallowShift} is not negative (sizes in steps
     * of 2^shallowShift bytes, below 2^32 steps, which holds for any Java object when the step is
     * 8 bytes).
     */
    ObjectFiles(
        long count, long edgeBound, long smallestId, long largestId, int idShift, int shallowShift, boolean shortShallow) {
      ids = BigArrays.newScaled(file(IndexFiles.IDS), count, smallestId, largestId, idShift);
      offsets = BigArrays.newOffsets(file(IndexFiles.OFFSETS), count, source.length());
      kinds = BigArrays.mapBytes(file(IndexFiles.KINDS), count, true);
      classOf = BigArrays.mapInts(file(IndexFiles.CLASSES), count, true);
      shallow =
          shortShallow
              ? BigArrays.newShort(file(IndexFiles.SHALLOW), count, shallowShift)
              : shallowShift < 0 ? BigArrays.mapLongs(file(IndexFiles.SHALLOW), count, true) : scaledShallow(count, shallowShift);
      outOffsets = BigArrays.newOffsets(file(IndexFiles.OUT_OFFSETS), count + 1L, edgeBound);
      inOffsets = BigArrays.newOffsets(file(IndexFiles.IN_OFFSETS), count + 1L, edgeBound);
    }

    /** Maps the shallow sizes in 4 bytes instead of 2 (before anything is written to them). */
    void widenShallow(long count, int shallowShift) {
      IndexBuilder.close(shallow);
      shallow = scaledShallow(count, shallowShift);
    }

    /** Shallow sizes in 4 bytes, in steps of 2^{@code shallowShift} bytes. */
    private LongArray scaledShallow(long count, int shallowShift) {
      return BigArrays.newScaled(file(IndexFiles.SHALLOW), count, 0, (1L << (32 + shallowShift)) - 1, shallowShift);
    }

    /**
     * Asks for the files' memory in the order it will be written: the second halves of the id and
     * offset files first (the sort writes from the start, and meets pages brought in late at the
     * end), then the files the reference pass fills, then the inbound offsets.
     */
    void prefault() throws IOException {
      for (String name : new String[] {IndexFiles.IDS, IndexFiles.OFFSETS}) {
        long size = Files.size(file(name));
        prefaulter.touch(file(name), size / 3, size);
      }
      for (String name :
          new String[] {IndexFiles.KINDS, IndexFiles.CLASSES, IndexFiles.SHALLOW, IndexFiles.OUT_OFFSETS,
              IndexFiles.IN_OFFSETS}) {
        prefaulter.touch(file(name), 0, Files.size(file(name)));
      }
    }

    @Override
    public void close() {
      for (AutoCloseable array : new AutoCloseable[] {ids, offsets, kinds, classOf, shallow, outOffsets, inOffsets}) {
        IndexBuilder.close(array);
      }
    }
  }

  /** Where the scan writes ids (4 bytes each while they fit an {@link IdColumn}) and offsets: scratch space. */
  private RecordScanner.Slots scanSlots() {
    return new RecordScanner.Slots() {
      @Override
      public LongArray ids(long bound) {
        return new IdColumn(bound, scratch::newUninitializedNarrowLongArray, scratch::newUninitializedLongArray);
      }

      @Override
      public LongArray offsets(long bound) {
        return scratch.newUninitializedLongArray(bound);
      }
    };
  }

  /**
   * The dominator tree and retained sizes, written into the index's files; {@code inboundReady}
   * returns once the graph's inbound edges are complete.
   */
  private DominatorTree computeDominators(ObjectGraph graph, Runnable inboundReady) {
    ResultArrays files =
        new ResultArrays() {
          @Override
          public IntArray newIntArray(String name, long size) {
            return BigArrays.mapInts(file(dominatorFile(name)), size, true);
          }

          @Override
          public LongArray newLongArray(String name, long size) {
            return BigArrays.mapLongs(file(dominatorFile(name)), size, true);
          }
        };
    TaskMonitor monitor = TaskMonitor.of(() -> Thread.currentThread().isInterrupted(), options.progress());
    return DominatorTree.compute(graph, scratch, files, monitor, inboundReady);
  }

  static String dominatorFile(String name) {
    return switch (name) {
      case "immediate-dominators" -> IndexFiles.DOMINATORS;
      case "retained-sizes" -> IndexFiles.RETAINED;
      case "strongly-reachable" -> IndexFiles.STRONGLY_REACHABLE;
      case "weak-roots" -> IndexFiles.WEAK_ROOTS;
      default -> throw new IllegalArgumentException("unknown dominator result " + name);
    };
  }

  /** A repeated id (the later object of the two in the file): STRICT refuses it, others drop it. */
  private void duplicate(ScanResult scan, long[] duplicates, long id, long offset) throws HprofFormatException {
    if (!options.strictness().repairs()) {
      throw new HprofFormatException(source.name(), offset, "heap dump", String.format("duplicate object id 0x%x", id));
    }
    if (duplicates[0]++ == 0) {
      scan.warnings.add(
          String.format("duplicate object id 0x%x at offset 0x%x: the later object is ignored", id, offset));
    }
  }

  private Path file(String name) {
    return directory.resolve(name);
  }

  private static void truncate(Path file, long size) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(size);
    }
  }

  private static void close(AutoCloseable array) {
    try {
      array.close();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

}
