package org.hpq.setalgebra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.PrimitiveIterator;
import org.junit.jupiter.api.Test;

/** Every NodeSet operation against a java.util.BitSet oracle, on seeded random sets. */
class NodeSetOracleTest {

  private static final int RUNS = 150;

  @Test
  void membersMatchTheOracle() {
    Seeds.repeat("members", RUNS, random -> {
      RandomSets.Sample a = RandomSets.sample(random, RandomSets.universe(random));
      BitSet oracle = a.oracle();
      assertThat(a.set().count()).isEqualTo(oracle.cardinality());
      assertThat(a.set().isEmpty()).isEqualTo(oracle.isEmpty());
      assertThat(a.set().toArray()).isEqualTo(oracle.stream().toArray());
      assertThat(a.set().stream().toArray()).isEqualTo(oracle.stream().toArray());
      int[] iterated = new int[oracle.cardinality()];
      int position = 0;
      PrimitiveIterator.OfInt members = a.set().iterator();
      while (members.hasNext()) {
        iterated[position++] = members.nextInt();
      }
      assertThat(iterated).isEqualTo(oracle.stream().toArray());
      int[] visited = new int[oracle.cardinality()];
      int[] visits = {0};
      a.set().forEach(member -> visited[visits[0]++] = member);
      assertThat(visited).isEqualTo(iterated);
      for (int probe : probes(random, oracle)) {
        assertThat(a.set().contains(probe)).as("contains %d", probe).isEqualTo(oracle.get(probe));
        long rank = oracle.get(0, probe + 1).cardinality();
        assertThat(a.set().rank(probe)).as("rank %d", probe).isEqualTo(rank);
        assertThat(a.set().nextMember(probe)).as("next %d", probe).isEqualTo(oracle.nextSetBit(probe));
      }
      if (!oracle.isEmpty()) {
        assertThat(a.set().first()).isEqualTo(oracle.nextSetBit(0));
        assertThat(a.set().last()).isEqualTo(oracle.length() - 1);
        long index = random.nextInt(oracle.cardinality());
        int selected = a.set().select(index);
        assertThat(oracle.get(selected)).isTrue();
        assertThat(a.set().rank(selected)).isEqualTo(index + 1);
      }
      int head = random.nextInt(oracle.cardinality() + 3);
      assertThat(a.set().head(head).toArray())
          .isEqualTo(oracle.stream().limit(head).toArray());
    });
  }

  @Test
  void algebraMatchesTheOracle() {
    Seeds.repeat("algebra", RUNS, random -> {
      int universe = RandomSets.universe(random);
      RandomSets.Sample a = RandomSets.sample(random, universe);
      RandomSets.Sample b = RandomSets.sample(random, universe);
      int[] before = a.set().toArray();
      assertMembers(a.set().and(b.set()), combine(a.oracle(), b.oracle(), BitSet::and));
      assertMembers(a.set().or(b.set()), combine(a.oracle(), b.oracle(), BitSet::or));
      assertMembers(a.set().andNot(b.set()), combine(a.oracle(), b.oracle(), BitSet::andNot));
      assertMembers(a.set().xor(b.set()), combine(a.oracle(), b.oracle(), BitSet::xor));
      BitSet complement = (BitSet) a.oracle().clone();
      complement.flip(0, universe);
      assertMembers(a.set().complement(universe), complement);
      assertMembers(a.set().complement(NodeSet.range(0, universe)), complement);
      int smaller = random.nextInt(universe + 1);
      BitSet smallComplement = (BitSet) a.oracle().clone();
      smallComplement.flip(0, smaller);
      smallComplement.clear(smaller, Math.max(smaller, universe));
      assertMembers(a.set().complement(smaller), smallComplement);
      assertThat(a.set().intersects(b.set())).isEqualTo(a.oracle().intersects(b.oracle()));
      assertThat(a.set().isSubsetOf(b.set()))
          .isEqualTo(combine(a.oracle(), b.oracle(), BitSet::andNot).isEmpty());
      // Inputs are never modified.
      assertThat(a.set().toArray()).isEqualTo(before);
      assertThat(RandomSets.oracle(a.set())).isEqualTo(a.oracle());
      assertThat(RandomSets.oracle(b.set())).isEqualTo(b.oracle());
    });
  }

  @Test
  void staticFormsAgreeWithInstanceForms() {
    Seeds.repeat("static", RUNS / 3, random -> {
      int universe = RandomSets.universe(random);
      List<NodeSet> sets = new ArrayList<>();
      int count = 1 + random.nextInt(5);
      for (int i = 0; i < count; i++) {
        sets.add(RandomSets.sample(random, universe).set());
      }
      NodeSet union = NodeSet.empty();
      NodeSet intersection = NodeSet.range(0, universe);
      for (NodeSet set : sets) {
        union = union.or(set);
        intersection = intersection.and(set);
      }
      assertThat(NodeSets.or(sets)).isEqualTo(union);
      assertThat(NodeSets.and(sets)).isEqualTo(intersection);
      NodeSet a = sets.get(0);
      NodeSet b = sets.get(count - 1);
      assertThat(NodeSets.and(a, b)).isEqualTo(a.and(b));
      assertThat(NodeSets.or(a, b)).isEqualTo(a.or(b));
      assertThat(NodeSets.andNot(a, b)).isEqualTo(a.andNot(b));
      assertThat(NodeSets.xor(a, b)).isEqualTo(a.xor(b));
      assertThat(NodeSets.complement(a, universe)).isEqualTo(a.complement(universe));
    });
    assertThat(NodeSets.or(List.of())).isEqualTo(NodeSet.empty());
    assertThatThrownBy(() -> NodeSets.and(List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void equalSetsBuiltDifferentlyAreEqualWithEqualHashes() {
    Seeds.repeat("equality", RUNS, random -> {
      BitSet members = RandomSets.members(random, RandomSets.universe(random));
      NodeSet first = RandomSets.build(random, members);
      NodeSet second = RandomSets.build(random, members);
      // A round trip through the algebra stores members in other container kinds.
      NodeSet third = first.or(second).and(first.xor(NodeSet.empty()));
      assertThat(first).isEqualTo(second).isEqualTo(third);
      assertThat(first.hashCode()).isEqualTo(second.hashCode()).isEqualTo(third.hashCode());
      NodeSet other = RandomSets.sample(random, RandomSets.universe(random)).set();
      assertThat(first.equals(other)).isEqualTo(members.equals(RandomSets.oracle(other)));
    });
  }

  private static int[] probes(java.util.Random random, BitSet oracle) {
    int bound = Math.max(1, oracle.length() + 70_000);
    int[] probes = new int[20];
    for (int i = 0; i < probes.length; i++) {
      probes[i] = random.nextInt(bound);
    }
    probes[0] = 0;
    probes[1] = Math.max(0, oracle.length() - 1);
    return probes;
  }

  private static void assertMembers(NodeSet actual, BitSet expected) {
    assertThat(RandomSets.oracle(actual)).isEqualTo(expected);
    assertThat(actual.count()).isEqualTo(expected.cardinality());
  }

  private interface BitSetOperation {
    void apply(BitSet target, BitSet argument);
  }

  private static BitSet combine(BitSet first, BitSet second, BitSetOperation operation) {
    BitSet result = (BitSet) first.clone();
    operation.apply(result, second);
    return result;
  }
}
