package org.hpq.hprof.realdumps;

import java.util.HashMap;
import java.util.Map;

/**
 * Per-instance bytes that {@code GC.class_histogram} counts and the reader's header + fields
 * estimate misses, measured on KnownGraph dumps. HPROF writes neither HotSpot's injected fields
 * ({@code javaClasses.hpp}) nor the padding of {@code @Contended} fields, so these classes come out
 * short by a fixed amount per instance:
 *
 * <ul>
 *   <li>{@code java.lang.ClassLoader} subclasses: injected {@code loader_data} (intptr): +8.
 *   <li>{@code java.lang.Module}: injected {@code module_entry} (intptr): +8.
 *   <li>{@code java.lang.invoke.MemberName}: injected {@code vmindex} (intptr): +8.
 *   <li>{@code java.lang.invoke.ResolvedMethodName}: injected {@code vmtarget} (intptr), and on JDK
 *       17 {@code vmholder} (a reference): +8 with compressed oops, +16 without.
 *   <li>{@code java.lang.invoke.MethodHandleNatives$CallSiteContext}: injected {@code
 *       vmdependencies} (intptr) and {@code last_cleanup} (long): +16.
 *   <li>{@code java.lang.Thread} on JDK 17: the {@code @Contended("tlr")} ThreadLocalRandom fields
 *       get 128 bytes of padding on each side: +256; a subclass that adds a field cannot use the
 *       padding, so it gets +264. On JDK 25: injected JVMTI/JFR fields: +8, subclasses +16.
 * </ul>
 *
 * <p>When the reader models these (a table of injected fields per JDK, a list of contended
 * classes), every delta here should become 0.
 */
final class KnownSizeDeltas {
  private KnownSizeDeltas() {}

  /** Class name to the histogram's extra bytes per instance, for a JDK and oops setting. */
  static Map<String, Long> of(int javaMajorVersion, boolean compressedOops) {
    Map<String, Long> deltas = new HashMap<>();
    for (String loader : new String[] {"AppClassLoader", "BootClassLoader", "PlatformClassLoader"}) {
      deltas.put("jdk.internal.loader.ClassLoaders$" + loader, 8L);
    }
    deltas.put("java.lang.Module", 8L);
    deltas.put("java.lang.invoke.MemberName", 8L);
    deltas.put("java.lang.invoke.MethodHandleNatives$CallSiteContext", 16L);
    boolean jdk17 = javaMajorVersion < 21;
    deltas.put("java.lang.invoke.ResolvedMethodName", jdk17 && !compressedOops ? 16L : 8L);
    deltas.put("java.lang.Thread", jdk17 ? 256L : 8L);
    deltas.put("java.lang.ref.Reference$ReferenceHandler", jdk17 ? 256L : 8L);
    deltas.put("java.lang.ref.Finalizer$FinalizerThread", jdk17 ? 264L : 16L);
    deltas.put("jdk.internal.misc.InnocuousThread", jdk17 ? 264L : 16L);
    return deltas;
  }
}
