package org.hpq.hprof.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.hpq.hprof.BasicType;
import org.hpq.hprof.FieldInfo;
import org.hpq.hprof.GcRoot;
import org.hpq.hprof.JavaClass;
import org.hpq.hprof.RootKind;
import org.hpq.hprof.SizeModel;
import org.hpq.hprof.StaticField;

/** The small part of an index, kept on the heap: header facts, classes, labels, roots, warnings. */
public final class IndexMeta {
  private static final int MAGIC = 0x48505131; // "HPQ1"

  public String version;
  public int idSize;
  public long timestamp;
  public int heapDumpCount;
  public int heapDumpNumber;
  public long endOffset;
  public SizeModel sizeModel;
  public int objectCount;
  public long edgeCount;
  public int pageShift;
  public long pageCount;
  /** Object ids stored in 4 bytes (when ids.bin has 4 bytes an object) are idBase + (u << idShift). */
  public long idBase;
  public int idShift;
  /** Shallow sizes stored in 4 bytes (when shallow.bin has 4 bytes an object) are u << shallowShift. */
  public int shallowShift;
  public List<JavaClass> classes = new ArrayList<>();
  public List<String> labels = new ArrayList<>();
  public List<GcRoot> roots = new ArrayList<>();
  public List<String> warnings = new ArrayList<>();
  /**
   * The shallow sizes that do not fit shallow.bin's 2 bytes an object (when it has 2), by object;
   * see {@link org.hpq.hprof.store.ShortMappedLongArray}.
   */
  public SortedMap<Long, Long> largeShallowSizes = new TreeMap<>();
  /**
   * The most objects that may be half a megabyte or more for shallow.bin to take 2 bytes an
   * object; {@link #largeShallowSizes} then holds at most these and one class object a class.
   */
  public static final long MAXIMUM_LARGE_SHALLOW = 1 << 16;
  public double buildSeconds;
  public long buildPeakHeap;

  public void write(Path file) throws IOException {
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
      out.writeInt(MAGIC);
      out.writeUTF(version);
      out.writeInt(idSize);
      out.writeLong(timestamp);
      out.writeInt(heapDumpCount);
      out.writeInt(heapDumpNumber);
      out.writeLong(endOffset);
      out.writeInt(sizeModel.headerSize());
      out.writeInt(sizeModel.referenceSize());
      out.writeInt(sizeModel.alignment());
      out.writeInt(objectCount);
      out.writeLong(edgeCount);
      out.writeInt(pageShift);
      out.writeLong(pageCount);
      out.writeLong(idBase);
      out.writeInt(idShift);
      out.writeInt(shallowShift);
      out.writeDouble(buildSeconds);
      out.writeLong(buildPeakHeap);
      out.writeInt(classes.size());
      for (JavaClass javaClass : classes) {
        out.writeInt(javaClass.objectIndex());
        out.writeLong(javaClass.id());
        writeString(out, javaClass.name());
        out.writeInt(javaClass.superclassIndex());
        out.writeInt(javaClass.loaderIndex());
        out.writeInt(javaClass.fields().size());
        out.writeInt(javaClass.allFields().size());
        for (FieldInfo field : javaClass.allFields()) {
          writeString(out, field.name());
          out.writeByte(field.type().tag());
          writeString(out, field.declaringClass());
        }
        out.writeInt(javaClass.statics().size());
        for (StaticField field : javaClass.statics()) {
          writeString(out, field.name());
          out.writeByte(field.type().tag());
          out.writeLong(field.value());
        }
        out.writeLong(javaClass.instanceSize());
      }
      out.writeInt(labels.size());
      for (String label : labels) {
        writeString(out, label);
      }
      out.writeInt(roots.size());
      for (GcRoot root : roots) {
        out.writeShort(root.kind().tag());
        out.writeInt(root.object());
        out.writeInt(root.threadSerial());
        writeNullable(out, root.threadName());
        writeNullable(out, root.frame());
      }
      out.writeInt(warnings.size());
      for (String warning : warnings) {
        writeString(out, warning);
      }
      out.writeInt(largeShallowSizes.size());
      for (Map.Entry<Long, Long> entry : largeShallowSizes.entrySet()) {
        out.writeLong(entry.getKey());
        out.writeLong(entry.getValue());
      }
      out.writeInt(MAGIC);
    }
  }

  public static IndexMeta read(Path file) throws IOException {
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      if (in.readInt() != MAGIC) {
        throw new IOException(file + ": not an hpq index meta file");
      }
      IndexMeta meta = new IndexMeta();
      meta.version = in.readUTF();
      meta.idSize = in.readInt();
      meta.timestamp = in.readLong();
      meta.heapDumpCount = in.readInt();
      meta.heapDumpNumber = in.readInt();
      meta.endOffset = in.readLong();
      meta.sizeModel = new SizeModel(in.readInt(), in.readInt(), in.readInt());
      meta.objectCount = in.readInt();
      meta.edgeCount = in.readLong();
      meta.pageShift = in.readInt();
      meta.pageCount = in.readLong();
      meta.idBase = in.readLong();
      meta.idShift = in.readInt();
      meta.shallowShift = in.readInt();
      if (meta.objectCount < 0 || meta.edgeCount < 0 || meta.pageCount < 0 || meta.pageShift < 0
          || meta.pageShift > 63 || (meta.idSize != 4 && meta.idSize != 8) || meta.idShift < 0 || meta.idShift > 32
          || meta.shallowShift < 0 || meta.shallowShift > 32) {
        throw new IOException(file + ": implausible counts in the index meta file");
      }
      meta.buildSeconds = in.readDouble();
      meta.buildPeakHeap = in.readLong();
      int classCount = count(in, file);
      for (int c = 0; c < classCount; c++) {
        int objectIndex = in.readInt();
        long id = in.readLong();
        String name = readString(in);
        int superclass = in.readInt();
        int loader = in.readInt();
        int own = in.readInt();
        int fieldCount = count(in, file);
        List<FieldInfo> all = new ArrayList<>(fieldCount);
        for (int f = 0; f < fieldCount; f++) {
          all.add(new FieldInfo(readString(in), BasicType.ofTagOrNull(in.readByte()), readString(in)));
        }
        int staticCount = count(in, file);
        List<StaticField> statics = new ArrayList<>(staticCount);
        for (int s = 0; s < staticCount; s++) {
          statics.add(new StaticField(readString(in), BasicType.ofTagOrNull(in.readByte()), in.readLong()));
        }
        long instanceSize = in.readLong();
        meta.classes.add(
            new JavaClass(
                objectIndex, id, name, superclass, loader, List.copyOf(all.subList(0, own)), List.copyOf(all),
                List.copyOf(statics), instanceSize));
      }
      int labelCount = count(in, file);
      for (int l = 0; l < labelCount; l++) {
        meta.labels.add(readString(in));
      }
      int rootCount = count(in, file);
      for (int r = 0; r < rootCount; r++) {
        RootKind kind = RootKind.ofTagOrNull(in.readShort() & 0xFFFF);
        meta.roots.add(new GcRoot(kind, in.readInt(), in.readInt(), readNullable(in), readNullable(in)));
      }
      int warningCount = count(in, file);
      for (int w = 0; w < warningCount; w++) {
        meta.warnings.add(readString(in));
      }
      int largeCount = count(in, file);
      // At most the build's limit of large objects, and one class object a class.
      if (largeCount > MAXIMUM_LARGE_SHALLOW + meta.classes.size()) {
        throw new IOException(file + ": implausible count " + largeCount + " of large shallow sizes");
      }
      for (int k = 0; k < largeCount; k++) {
        long object = in.readLong();
        long size = in.readLong();
        if (object < 0 || object >= meta.objectCount || size < 0) {
          throw new IOException(file + ": implausible large shallow size " + size + " of object " + object);
        }
        meta.largeShallowSizes.put(object, size);
      }
      if (in.readInt() != MAGIC) {
        throw new IOException(file + ": index meta file does not end as written");
      }
      return meta;
    }
  }

  private static int count(DataInputStream in, Path file) throws IOException {
    int count = in.readInt();
    if (count < 0 || count > 100_000_000) {
      throw new IOException(file + ": implausible count " + count);
    }
    return count;
  }

  private static void writeString(DataOutputStream out, String text) throws IOException {
    byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static String readString(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > (64 << 20)) {
      throw new IOException("implausible string length " + length);
    }
    byte[] bytes = in.readNBytes(length);
    if (bytes.length != length) {
      throw new IOException("index meta file ends inside a string");
    }
    return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
  }

  private static void writeNullable(DataOutputStream out, String text) throws IOException {
    out.writeBoolean(text != null);
    if (text != null) {
      writeString(out, text);
    }
  }

  private static String readNullable(DataInputStream in) throws IOException {
    return in.readBoolean() ? readString(in) : null;
  }
}
