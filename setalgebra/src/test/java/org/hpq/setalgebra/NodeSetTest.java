package org.hpq.setalgebra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.NoSuchElementException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;

/** Examples and edge cases of NodeSet's contract. */
class NodeSetTest {

  @Test
  void factoriesRejectNegativeMembersAndBadRanges() {
    assertThatThrownBy(() -> NodeSet.of(1, -2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NodeSet.range(-1, 3)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NodeSet.range(5, 3)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NodeSet.builder().add(-1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NodeSet.fromSorted(IntStream.of(1, 5, 4)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("4 after 5");
    assertThatThrownBy(() -> NodeSet.copyOf(RoaringBitmap.bitmapOf(1, -1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(NodeSet.range(3, 3).isEmpty()).isTrue();
  }

  @Test
  void fromSortedAcceptsRepeatsAndBuildsTheSameSetAsOf() {
    assertThat(NodeSet.fromSorted(IntStream.of(1, 1, 2, 70_000, 70_000)))
        .isEqualTo(NodeSet.of(70_000, 2, 1));
  }

  @Test
  void emptySetHasNoFirstNorLast() {
    NodeSet empty = NodeSet.empty();
    assertThatThrownBy(empty::first).isInstanceOf(NoSuchElementException.class);
    assertThatThrownBy(empty::last).isInstanceOf(NoSuchElementException.class);
    assertThatThrownBy(() -> empty.select(0)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> empty.iterator().nextInt())
        .isInstanceOf(NoSuchElementException.class);
    assertThat(empty.nextMember(0)).isEqualTo(-1);
    assertThat(empty.count()).isZero();
    assertThat(empty.toString()).isEqualTo("{}");
  }

  @Test
  void selectAndRankAreInverse() {
    NodeSet set = NodeSet.of(4, 9, 70_000);
    assertThat(set.select(0)).isEqualTo(4);
    assertThat(set.select(2)).isEqualTo(70_000);
    assertThatThrownBy(() -> set.select(3)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> set.select(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThat(set.rank(3)).isZero();
    assertThat(set.rank(9)).isEqualTo(2);
    assertThat(set.rank(-5)).isZero();
    assertThat(set.contains(-5)).isFalse();
  }

  @Test
  void complementLeavesOutMembersBeyondTheUniverse() {
    NodeSet set = NodeSet.of(1, 3, 100, 200_000);
    assertThat(set.complement(5)).isEqualTo(NodeSet.of(0, 2, 4));
    assertThat(set.complement(0)).isEqualTo(NodeSet.empty());
    assertThatThrownBy(() -> set.complement(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void builderIsEmptyAgainAfterBuild() {
    NodeSet.Builder builder = NodeSet.builder();
    builder.add(5).addRange(10, 13).addAll(NodeSet.of(100, 3));
    NodeSet first = builder.build();
    assertThat(first).isEqualTo(NodeSet.of(3, 5, 10, 11, 12, 100));
    builder.add(7);
    assertThat(builder.build()).isEqualTo(NodeSet.of(7));
    assertThat(first).isEqualTo(NodeSet.of(3, 5, 10, 11, 12, 100));
    assertThat(NodeSet.builder().build()).isEqualTo(NodeSet.empty());
  }

  @Test
  void builderBuffersManyUnorderedAdds() {
    NodeSet.Builder builder = NodeSet.builder();
    for (int i = 9_999; i >= 0; i--) {
      builder.add(i * 7);
    }
    NodeSet built = builder.build();
    assertThat(built.count()).isEqualTo(10_000);
    assertThat(built.last()).isEqualTo(9_999 * 7);
    assertThat(built.rank(700)).isEqualTo(101);
  }

  @Test
  void interoperationCopiesInBothDirections() {
    RoaringBitmap outside = RoaringBitmap.bitmapOf(1, 2, 3);
    NodeSet set = NodeSet.copyOf(outside);
    outside.add(4);
    assertThat(set).isEqualTo(NodeSet.of(1, 2, 3));
    RoaringBitmap copy = set.toRoaringBitmap();
    copy.add(9);
    assertThat(set.contains(9)).isFalse();
  }

  @Test
  void toStringShowsRunsAndElidesLongSets() {
    assertThat(NodeSet.of(0, 1, 2, 5, 7, 8).toString()).isEqualTo("{0..2, 5, 7..8}");
    NodeSet.Builder builder = NodeSet.builder();
    for (int i = 0; i < 40; i++) {
      builder.add(i * 10);
    }
    assertThat(builder.build().toString())
        .startsWith("{0, 10, 20")
        .endsWith(", 150, ... (40 members)}");
  }

  @Test
  void headTakesTheSmallestMembers() {
    NodeSet set = NodeSet.range(10, 20);
    assertThat(set.head(3)).isEqualTo(NodeSet.of(10, 11, 12));
    assertThat(set.head(0)).isEqualTo(NodeSet.empty());
    assertThat(set.head(50)).isSameAs(set);
    assertThatThrownBy(() -> set.head(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void equalsIgnoresHowMembersAreStored() {
    NodeSet asRun = NodeSet.range(0, 100_000);
    NodeSet.Builder builder = NodeSet.builder();
    for (int i = 0; i < 100_000; i++) {
      builder.add(i);
    }
    NodeSet oneByOne = builder.build();
    NodeSet viaAlgebra = NodeSet.range(0, 200_000).andNot(NodeSet.range(100_000, 200_000));
    assertThat(asRun).isEqualTo(oneByOne).isEqualTo(viaAlgebra);
    assertThat(asRun.hashCode()).isEqualTo(oneByOne.hashCode()).isEqualTo(viaAlgebra.hashCode());
    assertThat(NodeSet.of(1).hashCode()).isNotEqualTo(NodeSet.of(2).hashCode());
    assertThat(asRun).isNotEqualTo(NodeSet.range(0, 99_999)).isNotEqualTo("0..99999");
  }
}
