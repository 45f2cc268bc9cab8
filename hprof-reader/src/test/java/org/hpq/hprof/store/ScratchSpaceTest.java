package org.hpq.hprof.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.hpq.hprof.store.ScratchSpace.MemoryFileSystem;
import org.junit.jupiter.api.Test;

/**
 * A build's scratch goes where the user says; otherwise into a memory file system only when it and
 * the available memory can each take the dump's size; otherwise beside the index.
 */
class ScratchSpaceTest {
  private static final Path INDEX = Path.of("/data/dump.hprof.hpqidx");
  private static final Path SHM = Path.of("/dev/shm");
  private static final long GB = 1L << 30;

  @Test
  void theUsersChoiceWins() {
    Path chosen = Path.of("/fast/scratch");
    assertThat(ScratchSpace.choose(chosen, INDEX, 4 * GB)).isEqualTo(chosen);
  }

  @Test
  void memoryWhenBothTheFileSystemAndTheMachineHaveRoom() {
    assertThat(ScratchSpace.choose(INDEX, 4 * GB, new MemoryFileSystem(SHM, 12 * GB), 22 * GB)).isEqualTo(SHM);
    assertThat(ScratchSpace.choose(INDEX, 4 * GB, new MemoryFileSystem(SHM, 4 * GB), 4 * GB)).isEqualTo(SHM);
  }

  @Test
  void besideTheIndexWhenEitherIsShort() {
    assertThat(ScratchSpace.choose(INDEX, 4 * GB, new MemoryFileSystem(SHM, 4 * GB - 1), 22 * GB)).isEqualTo(INDEX);
    assertThat(ScratchSpace.choose(INDEX, 4 * GB, new MemoryFileSystem(SHM, 12 * GB), 4 * GB - 1)).isEqualTo(INDEX);
  }

  @Test
  void besideTheIndexWithoutAMemoryFileSystemOrWhenMemoryIsUnknown() {
    assertThat(ScratchSpace.choose(INDEX, 1, null, 22 * GB)).isEqualTo(INDEX);
    assertThat(ScratchSpace.choose(INDEX, 1, new MemoryFileSystem(SHM, 12 * GB), -1)).isEqualTo(INDEX);
  }

  @Test
  void availableMemoryIsReadFromMeminfo() {
    List<String> meminfo =
        List.of("MemTotal:       24684000 kB", "MemFree:         7420000 kB", "MemAvailable:   23856000 kB", "Buffers: 1 kB");
    assertThat(ScratchSpace.availableMemoryBytes(meminfo)).isEqualTo(23_856_000L * 1024);
    assertThat(ScratchSpace.availableMemoryBytes(List.of("MemTotal: 1 kB"))).isEqualTo(-1);
    assertThat(ScratchSpace.availableMemoryBytes(List.of("MemAvailable: lots"))).isEqualTo(-1);
  }
}
