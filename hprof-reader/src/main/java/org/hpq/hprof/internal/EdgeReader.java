package org.hpq.hprof.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hpq.hprof.BasicType;
import org.hpq.hprof.HprofFormatException;
import org.hpq.hprof.JavaClass;
import org.hpq.hprof.SizeModel;
import org.hpq.hprof.StaticField;
import org.hpq.hprof.Strictness;
import org.hpq.hprof.store.ByteArray;
import org.hpq.hprof.store.IntArray;
import org.hpq.hprof.store.LongArray;

/**
 * The second pass: visits every object in index order, decodes its references into labelled
 * outbound edges, and notes its kind, class and shallow size. An object's edge to its class is
 * not stored with the others: the class column holds it, and the graph reads it from there as an
 * implicit edge ({@link org.hpq.hprof.graph.Csr#withImplicitEdges}). Objects of one heap dump are
 * usually in address order in the file, so reading in index order is close to sequential.
 */
final class EdgeReader {
  private final HprofCursor in;
  private final IdIndex ids;
  private final IdLookup lookup;
  private final LongArray offsets;
  private final ClassTable classes;
  private final SizeModel model;
  private final Labels labels;
  private final Strictness strictness;
  private final String file;
  private final ScanResult scan;
  private long danglingReferences;
  private String firstDangling;
  /** The object holding {@link #firstDangling}: the lowest, whatever order objects were read in. */
  private int firstDanglingObject = Integer.MAX_VALUE;
  private int currentObject;
  private final it.unimi.dsi.fastutil.longs.LongOpenHashSet danglingIds = new it.unimi.dsi.fastutil.longs.LongOpenHashSet();
  private final it.unimi.dsi.fastutil.ints.IntOpenHashSet danglingHolders = new it.unimi.dsi.fastutil.ints.IntOpenHashSet();
  private boolean danglingDetailsCut;
  private final List<String> problems = new ArrayList<>();
  static final int MAX_PROBLEMS = 1000;
  static final int TICK = 1 << 20;
  /** Instance classes remembered (by id, direct-mapped), so most instances cost no lookup. */
  private static final int CLASS_CACHE_BITS = 10;
  private static final int CLASS_CACHE = 1 << CLASS_CACHE_BITS;
  private final long[] cachedClassIds = new long[CLASS_CACHE];
  private final int[] cachedClassIndexes = new int[CLASS_CACHE];
  private final ClassLayout[] cachedLayouts = new ClassLayout[CLASS_CACHE];

  EdgeReader(
      HprofCursor in,
      IdIndex ids,
      IdLookup lookup,
      LongArray offsets,
      ClassTable classes,
      SizeModel model,
      Labels labels,
      Strictness strictness,
      String file,
      ScanResult scan) {
    this.in = in;
    this.ids = ids;
    this.lookup = lookup;
    this.offsets = offsets;
    this.classes = classes;
    this.model = model;
    this.labels = labels;
    this.strictness = strictness;
    this.file = file;
    this.scan = scan;
  }

  /**
   * Creates, in the order a single reader over all objects would, the labels of class objects'
   * edges, so that readers on several threads only look labels up.
   */
  static void createLabels(ClassTable classes, Labels labels, ScanResult scan) {
    labels.code(Labels.CLASS);
    labels.code(Labels.DEFINED_CLASS);
    List<JavaClass> inOrder = new ArrayList<>(classes.classes());
    inOrder.sort(Comparator.comparingInt(JavaClass::objectIndex));
    for (JavaClass javaClass : inOrder) {
      labels.code(Labels.SUPERCLASS);
      labels.code(Labels.CLASS_LOADER);
      labels.code(Labels.SIGNERS);
      labels.code(Labels.PROTECTION_DOMAIN);
      for (StaticField field : javaClass.statics()) {
        if (field.type() == BasicType.OBJECT) {
          labels.code(javaClass.name() + "." + field.name());
        }
      }
      if (scan.constantPoolReferences(javaClass.id()).length > 0) {
        labels.code(Labels.CONSTANT_POOL);
      }
    }
  }

  /**
   * Reads the objects {@code from} to {@code to} (exclusive) into {@code sink}, which gets a
   * {@link EdgeSink#begin} for each, and no {@link EdgeSink#finish}. {@code ticks} hears of every
   * {@value #TICK} objects read, and may throw to stop.
   */
  void read(EdgeSink sink, int from, int to, ByteArray kinds, IntArray classOf, LongArray shallow, Runnable ticks)
      throws HprofFormatException {
    int definedLabel = labels.code(Labels.DEFINED_CLASS);
    for (int object = from; object < to; object++) {
      if (((object - from) & (TICK - 1)) == TICK - 1) {
        ticks.run();
      }
      sink.begin(object);
      currentObject = object;
      long start = offsets.get(object);
      in.seek(start);
      int tag = in.u1();
      // One method a kind of record: a branch first taken late recompiles only its own method
      // (C2 compiled the whole loop body eight times in a build, 4 s of a compiler thread).
      int classIndex =
          switch (tag) {
            case SubRecordReader.INSTANCE_DUMP -> instance(sink, object, start, definedLabel, kinds, shallow);
            case SubRecordReader.OBJECT_ARRAY_DUMP -> objectArray(sink, object, start, kinds, shallow);
            case SubRecordReader.PRIMITIVE_ARRAY_DUMP, SubRecordReader.PRIMITIVE_ARRAY_NODATA ->
                primitiveArray(object, kinds, shallow);
            case SubRecordReader.CLASS_DUMP -> classDump(sink, object, start, kinds, shallow);
            default -> throw new HprofFormatException(
                file, start, "heap dump", String.format("object sub-record tag 0x%02x expected", tag));
          };
      classOf.set(object, classIndex);
    }
  }

  /** An INSTANCE DUMP at {@code start}, its tag read: its field edges; returns its class, or -1. */
  private int instance(EdgeSink sink, int object, long start, int definedLabel, ByteArray kinds, LongArray shallow)
      throws HprofFormatException {
    in.id();
    in.i4();
    long classId = in.id();
    long size = in.u4();
    long data = in.position();
    int classIndex;
    int slot = (int) ((classId * 0x9E3779B97F4A7C15L) >>> (64 - CLASS_CACHE_BITS));
    ClassLayout layout;
    if (cachedClassIds[slot] == classId && cachedLayouts[slot] != null) {
      classIndex = cachedClassIndexes[slot];
      layout = cachedLayouts[slot];
    } else {
      classIndex = lookup.indexOf(classId);
      layout = classIndex < 0 ? null : classes.layout(classIndex);
      if (layout != null) {
        cachedClassIds[slot] = classId;
        cachedClassIndexes[slot] = classIndex;
        cachedLayouts[slot] = layout;
      }
    }
    if (layout == null) {
      problem(start, "INSTANCE DUMP", String.format("class 0x%x is not a dumped class", classId));
      classIndex = -1;
      shallow.set(object, model.instanceSize(0));
    } else {
      if (layout.fileBytes() != size) {
        problem(
            start,
            "INSTANCE DUMP",
            String.format(
                "%d field bytes, but class %s declares %d",
                size, classes.classOrNull(classIndex).name(), layout.fileBytes()));
      }
      int[] fieldOffsets = layout.referenceOffsets();
      int[] fieldLabels = layout.referenceLabels();
      for (int f = 0; f < fieldOffsets.length; f++) {
        if (fieldOffsets[f] + in.idSize() > size) {
          break;
        }
        reference(sink, start, "INSTANCE DUMP", in.idAt(data + fieldOffsets[f]), fieldLabels[f], f == layout.weakIndex());
      }
      shallow.set(object, layout.shallowSize());
    }
    kinds.set(object, (byte) 1);
    for (int defined : classes.definedBy(object)) {
      sink.add(defined, definedLabel, false);
    }
    return classIndex;
  }

  /** An OBJ ARRAY DUMP at {@code start}, its tag read: its slot edges; returns its class, or -1. */
  private int objectArray(EdgeSink sink, int object, long start, ByteArray kinds, LongArray shallow)
      throws HprofFormatException {
    in.id();
    in.i4();
    long length = in.u4();
    long classId = in.id();
    for (long slot = 0; slot < length; slot++) {
      reference(sink, start, "OBJ ARRAY DUMP", in.id(), (int) Math.min(slot, Integer.MAX_VALUE), false);
    }
    int classIndex = lookup.indexOf(classId);
    if (classIndex >= 0 && classes.classOrNull(classIndex) == null) {
      classIndex = -1;
    }
    if (classIndex < 0 && classId != 0) {
      problem(start, "OBJ ARRAY DUMP", String.format("array class 0x%x is not a dumped class", classId));
    }
    kinds.set(object, (byte) 3);
    shallow.set(object, model.arraySize(length, model.referenceSize()));
    return classIndex;
  }

  /** A PRIMITIVE ARRAY DUMP (or NODATA), its tag read: no edges; returns its class, or -1. */
  private int primitiveArray(int object, ByteArray kinds, LongArray shallow) {
    in.id();
    in.i4();
    long length = in.u4();
    int type = in.u1();
    kinds.set(object, (byte) type);
    shallow.set(object, model.arraySize(length, BasicType.ofTagOrNull(type).size()));
    return classes.primitiveArrayClass(type);
  }

  /** A CLASS DUMP at {@code start}, its tag read: the class's own edges; returns java.lang.Class, or -1. */
  private int classDump(EdgeSink sink, int object, long start, ByteArray kinds, LongArray shallow)
      throws HprofFormatException {
    JavaClass javaClass = classes.classOrNull(object);
    if (javaClass == null) {
      // Not in the class table: its id was a duplicate of an earlier object's.
      throw new IllegalStateException("class dump at offset " + start + " has no class table entry");
    }
    classEdges(sink, start, javaClass);
    kinds.set(object, (byte) 2);
    shallow.set(object, classes.mirrorSize(javaClass, model));
    return classes.classClass();
  }

  /** The problems found, at most {@value #MAX_PROBLEMS}, in object order. */
  List<String> problems() {
    return problems;
  }

  /** Takes in the dangling references {@code later} found in objects this reader did not read. */
  void absorbDangling(EdgeReader later) {
    if (later.danglingReferences == 0) {
      return;
    }
    if (later.firstDanglingObject < firstDanglingObject) {
      firstDangling = later.firstDangling;
      firstDanglingObject = later.firstDanglingObject;
    }
    danglingReferences += later.danglingReferences;
    danglingDetailsCut |= later.danglingDetailsCut;
    for (long id : later.danglingIds) {
      if (danglingIds.size() >= (1 << 22)) {
        danglingDetailsCut = true;
        break;
      }
      danglingIds.add(id);
    }
    danglingHolders.addAll(later.danglingHolders);
  }

  /** The warning about dangling references, or null when there were none. */
  String danglingWarningOrNull(IntArray classOf) {
    return danglingReferences == 0 ? null : danglingWarning(classOf);
  }

  /**
   * Says how many references, distinct ids and holders dangle. HotSpot with the CDS archived heap
   * (the default with compressed oops) refers to the mirrors of archived classes that are not
   * loaded, from the archived-heap roots array, and does not dump those mirrors.
   */
  private String danglingWarning(IntArray classOf) {
    String distinct = danglingDetailsCut ? "at least " + danglingIds.size() : String.valueOf(danglingIds.size());
    StringBuilder text = new StringBuilder()
        .append(danglingReferences).append(" references to ").append(distinct)
        .append(" distinct ids that are not in the dump were dropped, held by ")
        .append(danglingDetailsCut ? "at least " : "").append(danglingHolders.size())
        .append(danglingHolders.size() == 1 ? " object" : " objects");
    if (danglingHolders.size() == 1) {
      int holder = danglingHolders.iterator().nextInt();
      JavaClass holderClass = classes.classOrNull(classOf.get(holder));
      text.append(String.format(" (%s 0x%x)", holderClass == null ? "of unknown class" : holderClass.name(), ids.id(holder)));
    }
    text.append("; the first ").append(firstDangling);
    text.append(". Most likely these are class mirrors (java.lang.Class objects) in the CDS archived heap: "
        + "HotSpot refers to the mirrors of archived classes it has not loaded, and does not dump them");
    return text.toString();
  }

  private void classEdges(EdgeSink sink, long start, JavaClass javaClass) throws HprofFormatException {
    in.seek(start + 1);
    // Re-read the ids the record holds, as the class table keeps only resolved indexes.
    in.id();
    in.i4();
    long superId = in.id();
    long loaderId = in.id();
    long signersId = in.id();
    long protectionDomainId = in.id();
    String record = "CLASS DUMP";
    reference(sink, start, record, superId, labels.code(Labels.SUPERCLASS), false);
    reference(sink, start, record, loaderId, labels.code(Labels.CLASS_LOADER), false);
    reference(sink, start, record, signersId, labels.code(Labels.SIGNERS), false);
    reference(sink, start, record, protectionDomainId, labels.code(Labels.PROTECTION_DOMAIN), false);
    for (StaticField field : javaClass.statics()) {
      if (field.type() == BasicType.OBJECT) {
        reference(sink, start, record, field.value(), labels.code(javaClass.name() + "." + field.name()), false);
      }
    }
    for (long constant : constantPoolReferences(javaClass)) {
      reference(sink, start, record, constant, labels.code(Labels.CONSTANT_POOL), false);
    }
  }

  private long[] constantPoolReferences(JavaClass javaClass) {
    return scan.constantPoolReferences(javaClass.id());
  }

  private void reference(EdgeSink sink, long start, String record, long id, int label, boolean weak)
      throws HprofFormatException {
    if (id == 0) {
      return;
    }
    int target = lookup.indexOf(id);
    if (target < 0) {
      if (!strictness.repairs()) {
        throw new HprofFormatException(
            file, start, record, String.format("reference %s to id 0x%x, which is not in the dump", labels.text(label), id));
      }
      if (danglingIds.size() < (1 << 22)) {
        danglingIds.add(id);
        danglingHolders.add(currentObject);
      } else {
        danglingDetailsCut = true;
      }
      danglingReferences++;
      if (currentObject < firstDanglingObject) {
        firstDangling = String.format("at offset 0x%x (%s to 0x%x)", start, labels.text(label), id);
        firstDanglingObject = currentObject;
      }
      return;
    }
    sink.add(target, label, weak);
  }

  private void problem(long offset, String record, String problem) throws HprofFormatException {
    if (!strictness.repairs()) {
      throw new HprofFormatException(file, offset, record, problem);
    }
    if (problems.size() < MAX_PROBLEMS) {
      problems.add(String.format("offset 0x%x: %s: %s", offset, record, problem));
    }
  }
}
