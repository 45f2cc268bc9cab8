package org.hpq.hprof.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Open findings of {@link IndexLoaderFuzzTest}, replayed from {@code
 * IndexLoaderFindingsFuzzTestInputs/load} once enabled. They live apart because a finding that
 * ends in an {@link OutOfMemoryError} would take the whole test JVM down with it.
 */
class IndexLoaderFindingsFuzzTest {
  @FuzzTest
  void load(FuzzedDataProvider data) throws Exception {
    new IndexLoaderFuzzTest().load(data);
  }
}
