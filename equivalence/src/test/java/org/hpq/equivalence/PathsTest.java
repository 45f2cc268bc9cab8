package org.hpq.equivalence;

import static org.assertj.core.api.Assertions.assertThat;

import org.hpq.equivalence.internal.PatternNames;
import org.hpq.hprof.paths.WeakEdges;
import org.junit.jupiter.api.Test;

/** sp, pathsin, pathsout and rp on the {@link Fixture}. */
class PathsTest {
  private final Fixture fixture = Fixture.get();
  private final Heap heap = fixture.heap;

  @Test
  void shortestPathsAreViaChainsFromTheRoot() {
    ReferenceChains chains = fixture.set(fixture.shared).sp();
    assertThat(chains.length()).isEqualTo(4);
    assertThat(chains.pathCount()).isEqualTo(2);
    assertThat(chains.chains()).containsExactly(
        "<root: sticky class>->com.example.Holder.INSTANCE.left.left",
        "<root: sticky class>->com.example.Holder.INSTANCE.right.left");
    assertThat(fixture.set(fixture.payload[1]).sp().chains())
        .containsExactly("<root: sticky class>->com.example.Holder.INSTANCE.items[1].payload");
    assertThat(fixture.set(fixture.local).sp().chains()).singleElement().asString()
        .startsWith("<root: Java frame").contains("com.example.Main.run(Main.java:12)");
  }

  @Test
  void weakReferencesCanBeSkipped() {
    ObjectSet target = fixture.set(fixture.weakTarget);
    assertThat(target.sp().chains()).containsExactly("<root: sticky class>->com.example.Holder.INSTANCE.ref.referent");
    ReferenceChains strong = target.sp(WeakEdges.SKIP, 10);
    assertThat(strong.found()).isFalse();
    assertThat(strong.toString()).isEqualTo("No path from the roots to the set.\n");
  }

  @Test
  void shortestPathsToASetReachTheNearestMembers() {
    ReferenceChains chains = fixture.set(fixture.item[0], fixture.local).sp();
    assertThat(chains.length()).isEqualTo(1);
    assertThat(chains.targetCount()).isEqualTo(1);
    ReferenceChains limited = fixture.set(fixture.shared).sp(WeakEdges.FOLLOW, 1);
    assertThat(limited.chains()).hasSize(1);
    assertThat(limited.toString()).endsWith("<... 1 more paths not listed ...>\n");
  }

  @Test
  void pathsInAndOutAreSingleLabelledReferences() {
    Steps in = fixture.set(fixture.item[0]).pathsIn();
    assertThat(in.steps()).extracting(Steps.Step::label).containsExactlyInAnyOrder(".next", "[0]", "[1]");
    assertThat(in.sources()).isEqualTo(fixture.set(fixture.item[2], fixture.items, fixture.table));
    Steps out = fixture.set(fixture.item[0]).pathsOut();
    assertThat(out.steps()).extracting(Steps.Step::label).containsExactly(".name", ".payload", ".next", "<class>");
    assertThat(out.targets()).isEqualTo(fixture.set(fixture.item[0]).referents());
    Stat byLabel = fixture.set(fixture.item).pathsIn().byLabel();
    assertThat(byLabel.rows()).extracting(StatRow::label).containsExactlyInAnyOrder(".next", "[0]", "[1]", "[2]");
    assertThat(byLabel.rows()).filteredOn(row -> row.label().equals(".next")).singleElement()
        .satisfies(row -> assertThat(row.count()).isEqualTo(3));
  }

  @Test
  void referencePatternGroupsReferrersAndMarksCycles() {
    ReferencePattern pattern = fixture.set(fixture.item).rp();
    assertThat(pattern.row(0).name()).isEqualTo("_");
    // The Items' referrers of kind Item are the Items themselves: a cycle to row 0.
    assertThat(pattern.row("a").marker()).isEqualTo("[^ 0]");
    assertThat(pattern.row("ba").set()).isEqualTo(fixture.set(fixture.cache));
    assertThat(pattern.row("baa").set()).isEqualTo(fixture.set(fixture.holder));
    // The Holder's referrer is its class object: stop there.
    assertThat(pattern.row("ba3").marker()).isEqualTo("[S]");
    assertThat(pattern.isComplete()).isFalse();
    assertThat(pattern.rows()).hasSize(8);
    assertThat(pattern.isComplete()).isTrue();
  }

  @Test
  void referencePatternDepthLimitAndRootEnds() {
    ReferencePattern shallow = fixture.set(fixture.payload[0]).rp(1);
    assertThat(shallow.rows()).extracting(ReferencePattern.PatternRow::marker).containsExactly("[-]", "[+]");
    ReferencePattern rooted = fixture.set(fixture.globalArray).rp();
    assertThat(rooted.rows()).singleElement().satisfies(row -> assertThat(row.marker()).isEqualTo("[R]"));
  }

  @Test
  void patternNamesCompressRunsOfThreeOrMore() {
    assertThat(PatternNames.format(new int[0])).isEqualTo("_");
    assertThat(PatternNames.format(new int[] {0, 0})).isEqualTo("aa");
    assertThat(PatternNames.format(new int[] {0, 0, 0})).isEqualTo("a3");
    assertThat(PatternNames.format(new int[] {0, 0, 0, 0, 1})).isEqualTo("a4b");
    assertThat(PatternNames.format(new int[] {0, 0, 0, 0, 1, 0})).isEqualTo("a4ba");
    assertThat(PatternNames.format(new int[] {2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1})).isEqualTo("cb11");
    for (String name : new String[] {"_", "a", "aa", "a3", "a4ba", "cb11", "ab"}) {
      assertThat(PatternNames.format(PatternNames.parse(name))).isEqualTo(name);
    }
  }
}
