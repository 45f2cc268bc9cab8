package org.hpq.hprof.dominators.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hpq.hprof.store.BigArrays;
import org.hpq.hprof.store.LongArray;
import org.junit.jupiter.api.Test;

class PackedIntArrayTest {
  @Test
  void holdsTwoIntsToALongInTheFirstHalfOfTheArray() {
    LongArray longs = BigArrays.onHeap().newLongArray(10);
    longs.fill(-1L);
    PackedIntArray ints = new PackedIntArray(longs, 7);
    for (int i = 0; i < 7; i++) {
      ints.set(i, i % 2 == 0 ? -i - 1 : Integer.MAX_VALUE - i);
    }
    for (int i = 0; i < 7; i++) {
      assertThat(ints.get(i)).as("element %d", i).isEqualTo(i % 2 == 0 ? -i - 1 : Integer.MAX_VALUE - i);
    }
    assertThat(longs.get(0)).isEqualTo(((long) (Integer.MAX_VALUE - 1) << 32) | 0xFFFF_FFFFL);
    assertThat(longs.get(3)).as("element 6 in the low half, the high half kept").isEqualTo(0xFFFF_FFFF_FFFF_FFF9L);
    assertThat(longs.get(4)).as("beyond the view, untouched").isEqualTo(-1L);
    int[] bulk = new int[5];
    ints.get(1, bulk, 0, 5);
    assertThat(bulk).containsExactly(Integer.MAX_VALUE - 1, -3, Integer.MAX_VALUE - 3, -5, Integer.MAX_VALUE - 5);
    assertThatThrownBy(() -> ints.get(7)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> ints.set(-1, 0)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> new PackedIntArray(longs, 21)).isInstanceOf(IllegalArgumentException.class);
  }
}
