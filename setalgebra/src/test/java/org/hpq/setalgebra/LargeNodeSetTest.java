package org.hpq.setalgebra;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Sets of tens of millions of members, as in a large heap. The members are arithmetic, so every
 * expected count is computed independently of the code under test. The test does not time
 * anything; it would run for minutes if an operation went member by member.
 */
class LargeNodeSetTest {

  /** 45,000 blocks of 1,000 indexes: 45 million indexes. */
  private static final int BLOCKS = 45_000;

  private static final int BLOCK = 1_000;
  private static final int UNIVERSE = BLOCKS * BLOCK;

  /** The first {@code width} indexes of every block: {@code BLOCKS * width} members. */
  private static NodeSet blockPrefixes(int offset, int width) {
    NodeSet.Builder builder = NodeSet.builder();
    for (int block = 0; block < BLOCKS; block++) {
      builder.addRange(block * BLOCK + offset, block * BLOCK + offset + width);
    }
    return builder.build();
  }

  @Test
  void algebraOnThirtyMillionMembers() {
    NodeSet a = blockPrefixes(0, 700); // 31.5 million members
    NodeSet b = blockPrefixes(300, 700); // overlaps a on [300, 700) of each block
    assertThat(a.count()).isEqualTo(31_500_000L);
    assertThat(a.andCardinality(b)).isEqualTo(BLOCKS * 400L);
    assertThat(a.orCardinality(b)).isEqualTo((long) UNIVERSE);
    assertThat(a.xorCardinality(b)).isEqualTo(BLOCKS * 600L);
    assertThat(a.andNotCardinality(b)).isEqualTo(BLOCKS * 300L);

    NodeSet both = a.and(b);
    assertThat(both).isEqualTo(blockPrefixes(300, 400));
    assertThat(a.or(b)).isEqualTo(NodeSet.range(0, UNIVERSE));
    assertThat(a.xor(b)).isEqualTo(blockPrefixes(0, 300).or(blockPrefixes(700, 300)));
    assertThat(a.complement(UNIVERSE)).isEqualTo(blockPrefixes(700, 300));
    assertThat(both.isSubsetOf(a)).isTrue();
    assertThat(a.isSubsetOf(both)).isFalse();

    // Positions: the 700 members of block k start at k * 1000.
    assertThat(a.select(700L * 12_345 + 5)).isEqualTo(12_345 * BLOCK + 5);
    assertThat(a.rank(12_345 * BLOCK + 5)).isEqualTo(700L * 12_345 + 6);
    assertThat(a.last()).isEqualTo((BLOCKS - 1) * BLOCK + 699);
    assertThat(a.nextMember(700)).isEqualTo(1_000);

    // One full pass over the members, checking order and count.
    long[] seen = {0, -1};
    both.forEach(member -> {
      if (member <= seen[1] || member % BLOCK < 300 || member % BLOCK >= 700) {
        throw new AssertionError("unexpected member " + member + " after " + seen[1]);
      }
      seen[0]++;
      seen[1] = member;
    });
    assertThat(seen[0]).isEqualTo(BLOCKS * 400L);
    // Runs compress: tens of millions of members in well under a megabyte.
    assertThat(a.sizeInBytes()).isLessThan(1 << 20);
  }
}
