package org.hpq.hprof.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.hpq.hprof.BasicType;
import org.hpq.hprof.JavaClass;
import org.hpq.hprof.SizeModel;
import org.hpq.hprof.StaticField;

/**
 * What HotSpot puts in objects that HPROF does not describe, so that shallow sizes match {@code
 * GC.class_histogram}: the fields the VM injects into some JDK classes ({@code javaClasses.hpp}),
 * the padding around {@code @Contended} fields, and the layout of class mirrors. A small table,
 * keyed by class name; a JDK generation is told apart by the fields its classes declare (JDK 19+
 * {@code java.lang.Thread} has a {@code holder} field, JDK 21+ {@code java.lang.Class} a {@code
 * signers} field). Applied to dumps HotSpot writes ({@code JAVA PROFILE 1.0.1} and {@code 1.0.2}).
 */
final class HotSpotLayout {
  /** HotSpot's {@code ContendedPaddingWidth}: bytes of padding on each side of a contended group. */
  static final int CONTENDED_PADDING = 128;

  private static final Set<String> THREAD_RANDOM_FIELDS =
      Set.of("threadLocalRandomSeed", "threadLocalRandomProbe", "threadLocalRandomSecondarySeed");

  private HotSpotLayout() {}

  /** Whether a dump of HPROF version {@code version} comes from HotSpot (not Android's 1.0.3). */
  static boolean appliesTo(String version) {
    return version != null && (version.equals("JAVA PROFILE 1.0.1") || version.equals("JAVA PROFILE 1.0.2"));
  }

  /**
   * Bytes HotSpot injects into each instance of {@code className} beyond the fields it declares:
   * {@code ClassLoader.loader_data}, {@code Module.module_entry}, {@code MemberName.vmindex} (a
   * machine word each), {@code ResolvedMethodName.vmtarget} (word) and, before it became a Java
   * field, {@code vmholder} (reference), those of {@code java.lang.Class} (see {@link
   * #mirrorSize}; primitive types' mirrors are dumped as instances of {@code java.lang.Class}), {@code CallSiteContext.vmdependencies} (word) and {@code last_cleanup} (long), and
   * on JDK 19+ the JVMTI and JFR fields of {@code Thread} (word, int, boolean, short).
   *
   * @param declared the names of the fields the class declares
   * @param wordSize bytes of a machine word (the dump's id size)
   */
  static long injectedBytes(String className, List<String> declared, SizeModel model, int wordSize) {
    return switch (className) {
      case "java.lang.ClassLoader", "java.lang.Module", "java.lang.invoke.MemberName" -> wordSize;
      case "java.lang.invoke.ResolvedMethodName" -> wordSize + (declared.contains("vmholder") ? 0 : model.referenceSize());
      case "java.lang.Class" -> classInjectedBytes(declared, model, wordSize);
      case "java.lang.invoke.MethodHandleNatives$CallSiteContext" -> wordSize + 8L;
      case "java.lang.Thread" -> declared.contains("holder") ? wordSize + 4L + 1L + 2L : 0L;
      default -> 0L;
    };
  }

  /**
   * The fields of {@code className} in a {@code @Contended} group: JDK 17's {@code Thread} keeps
   * its ThreadLocalRandom fields in group {@code "tlr"} (JDK 19+ does not); none elsewhere.
   */
  static Set<String> contendedGroup(String className, List<String> declared) {
    if (className.equals("java.lang.Thread") && !declared.contains("holder")
        && declared.containsAll(THREAD_RANDOM_FIELDS)) {
      return THREAD_RANDOM_FIELDS;
    }
    return Set.of();
  }

  /**
   * Size of a class mirror: the {@code java.lang.Class} instance with its injected fields ({@code
   * klass} and {@code array_klass}, words; {@code oop_size} and {@code static_oop_field_count},
   * ints; and three references before JDK 21, {@code protection_domain}, {@code signers} and
   * {@code source_file}, two after, when {@code protectionDomain} and {@code signers} became Java
   * fields), aligned, then the class's static fields, primitives first by descending size, then
   * references, each in the first gap that fits. The dump's synthetic statics ({@code
   * <resolved_references>}, {@code <init_lock>}) live elsewhere and do not count.
   *
   * @param classClass {@code java.lang.Class}, or null when the dump lacks it
   * @param javaClass the class whose mirror it is
   */
  static long mirrorSize(JavaClass classClass, JavaClass javaClass, SizeModel model, int wordSize) {
    // The java.lang.Class instance size includes the injected fields (see injectedBytes).
    long base =
        classClass != null
            ? classClass.instanceSize()
            : model.align(model.headerSize() + classInjectedBytes(List.of(), model, wordSize));
    List<Integer> primitives = new ArrayList<>();
    List<Integer> references = new ArrayList<>();
    for (StaticField field : javaClass.statics()) {
      if (!field.name().startsWith("<")) {
        (field.type() == BasicType.OBJECT ? references : primitives).add(model.sizeOf(field.type()));
      }
    }
    primitives.sort((a, b) -> b - a);
    primitives.addAll(references);
    return model.align(firstFit(model.align(base), primitives));
  }

  /** The injected fields of {@code java.lang.Class}, given the names of its declared fields. */
  private static long classInjectedBytes(List<String> declared, SizeModel model, int wordSize) {
    return 2L * wordSize + 2L * 4 + (declared.contains("signers") ? 2L : 3L) * model.referenceSize();
  }

  /** End offset after placing naturally aligned blocks of {@code sizes} first-fit after {@code [0, start)}. */
  static long firstFit(long start, List<Integer> sizes) {
    TreeMap<Long, Long> holes = new TreeMap<>();
    long end = start;
    for (int size : sizes) {
      boolean placed = false;
      for (var hole : holes.entrySet()) {
        long at = (hole.getKey() + size - 1) / size * size;
        if (at + size <= hole.getValue()) {
          long holeStart = hole.getKey();
          long holeEnd = hole.getValue();
          holes.remove(holeStart);
          if (at > holeStart) {
            holes.put(holeStart, at);
          }
          if (at + size < holeEnd) {
            holes.put(at + size, holeEnd);
          }
          placed = true;
          break;
        }
      }
      if (!placed) {
        long at = (end + size - 1) / size * size;
        if (at > end) {
          holes.put(end, at);
        }
        end = at + size;
      }
    }
    return end;
  }
}
