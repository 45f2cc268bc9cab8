package org.hpq.hprof.paths;

/** Whether a path search may use weak edges ({@code Reference.referent}). */
public enum WeakEdges {
  /** Weak edges are edges like any other: paths show what the JVM can still reach. */
  FOLLOW,
  /** Weak edges are skipped, like MAT's "exclude weak/soft references": paths that keep alive. */
  SKIP
}
