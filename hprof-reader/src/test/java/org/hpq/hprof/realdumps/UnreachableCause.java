package org.hpq.hprof.realdumps;

/**
 * Why an object the VM still holds looks unreachable in a dump: its holder is something HPROF does
 * not write. Each cause names the head objects it starts from; everything reachable only from such
 * a head has the same cause.
 */
enum UnreachableCause {
  /**
   * A class of the boot loader (mostly array classes such as {@code java.lang.Module[]}) that no
   * object refers to. HotSpot writes ROOT STICKY CLASS only for the boot loader's instance
   * classes, yet the boot loader keeps all its classes, array classes included.
   */
  BOOT_CLASS,
  /**
   * A String whose text is a class's name and that nothing refers to: the {@code Class.name} cache
   * of a mirror. HPROF writes no instance fields of {@code java.lang.Class} mirrors.
   */
  CLASS_NAME_STRING,
  /**
   * A SoftReference to a {@code Class$ReflectionData} that nothing refers to: {@code
   * Class.reflectionData} of a mirror, holding Field, Method and Constructor objects.
   */
  REFLECTION_DATA,
  /**
   * A {@code List.of(LambdaForm, ...)} that nothing refers to: {@code Class.classData} of a hidden
   * {@code LambdaForm$MH} class.
   */
  CLASS_DATA,
  /**
   * A {@code java.lang.Thread} that nothing refers to: a JVM thread hidden from external view
   * ("Service Thread", "Monitor Deflation Thread", "Sweeper thread"), which gets no THREAD OBJECT
   * root.
   */
  HIDDEN_THREAD,
  /**
   * An {@code int[]} that nothing refers to: on JDK 17 a filler array of dead space, on JDK 25
   * with the CDS archived heap mostly {@code int[0]} (held by mirrors that are not in the dump)
   * and filler arrays, which the histogram shows as {@code jdk.internal.vm.FillerElement[]}.
   */
  UNREFERENCED_INT_ARRAY,
  /** None of the above: true garbage in an {@code -all} dump; in a live dump, unexplained. */
  OTHER
}
