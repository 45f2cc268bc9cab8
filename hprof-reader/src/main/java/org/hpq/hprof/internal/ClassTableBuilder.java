package org.hpq.hprof.internal;

import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hpq.hprof.BasicType;
import org.hpq.hprof.FieldInfo;
import org.hpq.hprof.HprofFormatException;
import org.hpq.hprof.JavaClass;
import org.hpq.hprof.SizeModel;
import org.hpq.hprof.StaticField;
import org.hpq.hprof.Strictness;
import org.hpq.hprof.store.LongArray;

/** Builds the {@link ClassTable} from the class dumps of a scan, once the ids are indexed. */
public final class ClassTableBuilder {
  private final ScanResult scan;
  private final IdIndex ids;
  private final Strictness strictness;
  private final String file;
  private final LongArray objectOffsets;
  private final it.unimi.dsi.fastutil.longs.LongOpenHashSet warnedOffsets = new it.unimi.dsi.fastutil.longs.LongOpenHashSet();
  private final Int2ObjectOpenHashMap<ClassDumpRecord> records = new Int2ObjectOpenHashMap<>();
  private final boolean hotSpot;

  /** {@code offsets} are the file offsets of the indexed objects, to tell a kept class dump from a duplicate. */
  public ClassTableBuilder(ScanResult scan, IdIndex ids, LongArray offsets, Strictness strictness, String file) {
    this.scan = scan;
    this.objectOffsets = offsets;
    this.ids = ids;
    this.strictness = strictness;
    this.file = file;
    this.hotSpot = HotSpotLayout.appliesTo(scan.version);
  }

  public ClassTable build(SizeModel model, Labels labels) throws HprofFormatException {
    records.clear();
    for (ClassDumpRecord record : scan.classDumps) {
      int index = ids.indexOf(record.classId());
      // A class dump whose id was taken by an earlier object (a duplicate id) was dropped.
      if (index >= 0 && objectOffsets.get(index) == record.offset()) {
        records.put(index, record);
      }
    }
    Int2ObjectOpenHashMap<JavaClass> classes = new Int2ObjectOpenHashMap<>();
    Int2ObjectOpenHashMap<ClassLayout> layouts = new Int2ObjectOpenHashMap<>();
    int referentCode = labels.code(".referent");
    // File order, so that a problem met from several classes is reported from the same one.
    for (ClassDumpRecord record : scan.classDumps) {
      int index = ids.indexOf(record.classId());
      if (index < 0 || records.get(index) != record) {
        continue;
      }
      List<ClassDumpRecord> chain = superChain(record);
      List<FieldInfo> all = new ArrayList<>();
      long fileBytes = 0;
      int[] offsets = new int[0];
      int[] codes = new int[0];
      int weakIndex = -1;
      int references = 0;
      for (ClassDumpRecord link : chain) {
        String declaring = name(link.classId());
        boolean reference = declaring.equals("java.lang.ref.Reference");
        for (int f = 0; f < link.fieldNames().length; f++) {
          BasicType type = BasicType.ofTagOrNull(link.fieldTypes()[f]);
          String fieldName = scan.string(link.fieldNames()[f]);
          all.add(new FieldInfo(fieldName, type, declaring));
          if (type == BasicType.OBJECT) {
            if (references == offsets.length) {
              offsets = java.util.Arrays.copyOf(offsets, Math.max(4, references * 2));
              codes = java.util.Arrays.copyOf(codes, offsets.length);
            }
            offsets[references] = (int) fileBytes;
            codes[references] = labels.code("." + fieldName);
            if (reference && fieldName.equals("referent") && codes[references] == referentCode) {
              weakIndex = references;
            }
            references++;
          }
          fileBytes += type.sizeInFile(scan.idSize);
        }
      }
      List<FieldInfo> own = all.subList(0, record.fieldNames().length);
      List<StaticField> statics = new ArrayList<>();
      for (int s = 0; s < record.staticNames().length; s++) {
        statics.add(
            new StaticField(
                scan.string(record.staticNames()[s]),
                BasicType.ofTagOrNull(record.staticTypes()[s]),
                record.staticValues()[s]));
      }
      JavaClass javaClass =
          new JavaClass(
              index,
              record.classId(),
              name(record.classId()),
              chain.size() > 1 ? ids.indexOf(record.superId()) : -1,
              record.loaderId() == 0 ? -1 : ids.indexOf(record.loaderId()),
              List.copyOf(own),
              Collections.unmodifiableList(all),
              List.copyOf(statics),
              instanceSize(chain, all, model));
      classes.put(index, javaClass);
      layouts.put(
          index,
          new ClassLayout(
              java.util.Arrays.copyOf(offsets, references),
              java.util.Arrays.copyOf(codes, references),
              weakIndex,
              fileBytes,
              javaClass.instanceSize()));
    }
    return new ClassTable(classes, layouts, scan.idSize, hotSpot);
  }

  /**
   * Header plus the fields of the chain, superclass first, aligned. For HotSpot dumps also the
   * injected fields, and {@code @Contended} groups with their padding, after which a subclass's
   * fields start ({@link HotSpotLayout}). {@code all} holds the chain's fields, nearest class first.
   */
  private long instanceSize(List<ClassDumpRecord> chain, List<FieldInfo> all, SizeModel model) {
    long end = model.headerSize();
    int next = all.size();
    for (int c = chain.size() - 1; c >= 0; c--) {
      int declaredCount = chain.get(c).fieldNames().length;
      List<FieldInfo> declared = all.subList(next - declaredCount, next);
      next -= declaredCount;
      if (!hotSpot) {
        for (FieldInfo field : declared) {
          end += model.sizeOf(field.type());
        }
        continue;
      }
      String className = name(chain.get(c).classId());
      List<String> names = declared.stream().map(FieldInfo::name).toList();
      java.util.Set<String> group = HotSpotLayout.contendedGroup(className, names);
      long groupBytes = 0;
      int groupAlignment = 1;
      for (FieldInfo field : declared) {
        int size = model.sizeOf(field.type());
        if (group.contains(field.name())) {
          groupBytes += size;
          groupAlignment = Math.max(groupAlignment, size);
        } else {
          end += size;
        }
      }
      end += HotSpotLayout.injectedBytes(className, names, model, scan.idSize);
      if (groupBytes > 0) {
        end += HotSpotLayout.CONTENDED_PADDING;
        end = (end + groupAlignment - 1) / groupAlignment * groupAlignment;
        end += groupBytes + HotSpotLayout.CONTENDED_PADDING;
      }
    }
    return model.align(end);
  }

  /**
   * The class and its superclasses, nearest first. A loop is cut after the class itself; a
   * missing superclass ends the chain. Each problem is reported once, however many builds and
   * subclasses meet it.
   */
  /** The deepest superclass chain read; deeper ones are malformed. */
  static final int MAX_HIERARCHY_DEPTH = 1024;

  private List<ClassDumpRecord> superChain(ClassDumpRecord record) throws HprofFormatException {
    List<ClassDumpRecord> chain = new ArrayList<>();
    it.unimi.dsi.fastutil.longs.LongOpenHashSet seen = new it.unimi.dsi.fastutil.longs.LongOpenHashSet();
    ClassDumpRecord current = record;
    while (current != null) {
      if (!seen.add(current.classId())) {
        String problem = "class hierarchy of " + name(record.classId()) + " has a loop";
        if (!strictness.repairs()) {
          throw new HprofFormatException(file, record.offset(), "CLASS DUMP", problem);
        }
        warnOnce(record.offset(), String.format("offset 0x%x: CLASS DUMP: %s; cut above it", record.offset(), problem));
        return chain.subList(0, 1);
      }
      chain.add(current);
      if (chain.size() > MAX_HIERARCHY_DEPTH) {
        // Every class lists its inherited fields, so a hostile chain would cost memory in the
        // square of its depth; no real class hierarchy is this deep.
        String problem = "class hierarchy of " + name(record.classId()) + " is deeper than " + MAX_HIERARCHY_DEPTH;
        if (!strictness.repairs()) {
          throw new HprofFormatException(file, record.offset(), "CLASS DUMP", problem);
        }
        warnOnce(record.offset(), String.format("offset 0x%x: CLASS DUMP: %s; cut above it", record.offset(), problem));
        return chain.subList(0, 1);
      }
      long superId = current.superId();
      if (superId == 0) {
        break;
      }
      int superIndex = ids.indexOf(superId);
      ClassDumpRecord next = superIndex < 0 ? null : records.get(superIndex);
      if (next == null) {
        String problem =
            String.format("superclass 0x%x of %s is not a dumped class", superId, name(current.classId()));
        if (!strictness.repairs()) {
          throw new HprofFormatException(file, current.offset(), "CLASS DUMP", problem);
        }
        warnOnce(current.offset(), String.format("offset 0x%x: CLASS DUMP: %s", current.offset(), problem));
      }
      current = next;
    }
    return chain;
  }

  private void warnOnce(long offset, String warning) {
    if (warnedOffsets.add(offset)) {
      scan.warnings.add(warning);
    }
  }

  private String name(long classId) {
    long nameId = scan.classNameIds.getOrDefault(classId, 0L);
    if (nameId == 0 && !scan.classNameIds.containsKey(classId)) {
      return String.format("<class 0x%x>", classId);
    }
    return ClassNames.javaName(scan.string(nameId));
  }
}
