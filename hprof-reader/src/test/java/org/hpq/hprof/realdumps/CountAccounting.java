package org.hpq.hprof.realdumps;

import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.hpq.hprof.HeapDump;

/**
 * Reconciles the reader's reachable counts with a live histogram, class by class: histogram =
 * reachable + unreachable with a known cause + mirrors missing from the dump + fillers renamed +
 * churn. What is left after the known terms is the residual, which must be empty but for a few
 * classes that change between the two jcmd commands.
 *
 * @param missingMirrors class mirrors the histogram counts and the dump lacks (CDS archived
 *     mirrors of classes not loaded yet)
 * @param fillers {@code jdk.internal.vm.FillerElement[]} instances of the histogram, which the dump
 *     writes as {@code int[]}
 * @param residual per class, histogram instances minus everything explained; classes with 0 left
 *     out
 */
record CountAccounting(long missingMirrors, long fillers, Map<String, Long> residual) {
  static final String CLASS = "java.lang.Class";
  static final String FILLER = "jdk.internal.vm.FillerElement[]";

  static CountAccounting of(HeapDump dump, Map<String, Tally> histogram, UnreachableCauses causes) {
    Map<String, Tally> reachable = ClassTallies.reachable(dump);
    Map<String, Tally> explained = causes.explained();
    long dumpedMirrors = ClassTallies.get(ClassTallies.all(dump), CLASS).instances();
    long missingMirrors = ClassTallies.get(histogram, CLASS).instances() - dumpedMirrors;
    long fillers = ClassTallies.get(histogram, FILLER).instances();
    TreeSet<String> names = new TreeSet<>(histogram.keySet());
    names.addAll(reachable.keySet());
    names.addAll(explained.keySet());
    Map<String, Long> residual = new TreeMap<>();
    for (String name : names) {
      long left = ClassTallies.get(histogram, name).instances()
          - ClassTallies.get(reachable, name).instances()
          - ClassTallies.get(explained, name).instances();
      if (name.equals(CLASS)) {
        left -= missingMirrors;
      } else if (name.equals(FILLER)) {
        left -= fillers;
      } else if (name.equals("int[]")) {
        // The dump writes fillers as int[] with no referrer, which UNREFERENCED_INT_ARRAY counts.
        left += fillers;
      }
      if (left != 0) {
        residual.put(name, left);
      }
    }
    return new CountAccounting(missingMirrors, fillers, Map.copyOf(residual));
  }
}
