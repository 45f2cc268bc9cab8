package org.hpq.hprof.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Disabled;

/**
 * Open findings of {@link IndexLoaderFuzzTest}, replayed from {@code
 * IndexLoaderFindingsFuzzTestInputs/load} once enabled. They live apart because a finding that
 * ends in an {@link OutOfMemoryError} would take the whole test JVM down with it.
 */
@Disabled(
    "finding: crash-f6396d0d (mode 5: meta.bin changed, its checksum updated) makes HeapDump.open throw"
        + " OutOfMemoryError at MappedFile.map (new MappedByteBuffer[count] with count from a negative byte size,"
        + " from a negative object count read from meta.bin via BigArrays.mapInts in the HeapDump constructor);"
        + " IndexMeta.read should reject negative or implausible counts and MappedFile.map a negative size")
class IndexLoaderFindingsFuzzTest {
  @FuzzTest
  void load(FuzzedDataProvider data) throws Exception {
    new IndexLoaderFuzzTest().load(data);
  }
}
