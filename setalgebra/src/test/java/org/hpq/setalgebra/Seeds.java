package org.hpq.setalgebra;

import java.util.Random;

/**
 * Runs a randomized test body over a sequence of seeds and puts the seed into every failure
 * message. Rerun one failing case with {@code -Dhpq.seed=SEED -Dhpq.runs=1}.
 */
final class Seeds {
  private static final long BASE = Long.getLong("hpq.seed", 20_261_121L);
  private static final int RUNS_OVERRIDE = Integer.getInteger("hpq.runs", 0);

  /** A randomized test body. */
  interface Body {
    void run(Random random) throws Exception;
  }

  private Seeds() {}

  /** Runs {@code body} {@code runs} times, each with its own seed. */
  static void repeat(String name, int runs, Body body) {
    int count = RUNS_OVERRIDE > 0 ? RUNS_OVERRIDE : runs;
    for (int i = 0; i < count; i++) {
      once(name, BASE + i * 0x9E3779B97F4A7C15L, body);
    }
  }

  /** Runs {@code body} with one seed, for example a saved regression case. */
  static void once(String name, long seed, Body body) {
    try {
      body.run(new Random(seed));
    } catch (Throwable failure) {
      throw new AssertionError(
          name + " failed with seed " + seed + " (rerun: -Dhpq.seed=" + seed + " -Dhpq.runs=1): "
              + failure.getMessage(),
          failure);
    }
  }
}
