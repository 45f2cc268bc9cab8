package org.hpq.hprof.realdumps;

/**
 * Instances and shallow bytes of one class, from the reader or from a histogram.
 *
 * @param instances how many objects
 * @param bytes their total shallow size in bytes
 */
record Tally(long instances, long bytes) {
  static final Tally ZERO = new Tally(0, 0);

  Tally plus(long size) {
    return new Tally(instances + 1, bytes + size);
  }

  Tally plus(Tally other) {
    return new Tally(instances + other.instances, bytes + other.bytes);
  }

  @Override
  public String toString() {
    return instances + " / " + bytes + " B";
  }
}
