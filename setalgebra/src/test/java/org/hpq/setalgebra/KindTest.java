package org.hpq.setalgebra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Examples of kinds over a tiny table of six nodes. */
class KindTest {

  //                                 node:  0            1            2             3
  private static final LabelClassifier TYPES =
      new LabelClassifier(
          "Type",
          List.of("java.lang.String", "java.lang.String", "java.lang.Integer",
              "java.lang.String", "byte[]", "java.lang.Integer"),
          true);
  private static final LabelClassifier SIZES =
      new LabelClassifier("Size", List.of("24", "32", "16", "24", "40", "16"), false);
  private static final NodeSet ALL = NodeSet.range(0, 6);

  private static final Atom STRING = TYPES.atom("java.lang.String");
  private static final Atom INTEGER = TYPES.atom("java.lang.Integer");
  private static final Atom SIZE_24 = SIZES.atom("24");

  @Test
  void rendersInHpqSyntax() {
    assertThat(STRING.and(SIZE_24.not()).toString())
        .isEqualTo("hp.Type('java.lang.String') & ~hp.Size(24)");
    assertThat(SIZE_24.not().and(STRING)).isEqualTo(STRING.and(SIZE_24.not()));
    assertThat(INTEGER.or(STRING.and(SIZE_24.not())).toString())
        .isEqualTo("hp.Type('java.lang.Integer') | (hp.Type('java.lang.String') & ~hp.Size(24))");
    assertThat(STRING.or(SIZE_24).not().toString())
        .isEqualTo("~hp.Size(24) & ~hp.Type('java.lang.String')");
    assertThat(Kind.anything().toString()).isEqualTo("hp.Anything");
    assertThat(Kind.anything().not().toString()).isEqualTo("hp.Nothing");
  }

  @Test
  void filtersAndTestsMembership() {
    Kind kind = STRING.and(SIZE_24.not());
    assertThat(kind.filter(ALL)).isEqualTo(NodeSet.of(1));
    assertThat(kind.contains(1)).isTrue();
    assertThat(kind.contains(0)).isFalse();
    // Complements are relative to the set filtered.
    NodeSet within = NodeSet.of(0, 2, 4);
    assertThat(STRING.not().filter(within)).isEqualTo(NodeSet.of(2, 4));
    assertThat(STRING.or(SIZE_24).filter(ALL)).isEqualTo(NodeSet.of(0, 1, 3));
    assertThat(STRING.xor(SIZE_24).filter(ALL)).isEqualTo(NodeSet.of(1));
    assertThat(Kind.nothing().filter(ALL)).isEqualTo(NodeSet.empty());
    assertThat(Kind.anything().filter(within)).isSameAs(within);
  }

  @Test
  void classesTheClassifierCallsDisjointSimplify() {
    assertThat(STRING.and(INTEGER)).isEqualTo(Kind.nothing());
    assertThat(STRING.and(INTEGER.not())).isEqualTo(STRING);
    assertThat(STRING.not().or(INTEGER.not())).isEqualTo(Kind.anything());
    assertThat(STRING.or(STRING.not())).isEqualTo(Kind.anything());
    assertThat(STRING.minus(STRING)).isEqualTo(Kind.nothing());
    // Different relations are never compared: Type and Size atoms stay.
    assertThat(STRING.and(SIZE_24)).isInstanceOf(Intersection.class);
  }

  @Test
  void emptyJunctionsAreTheIdentities() {
    assertThat(Kind.union(List.of())).isEqualTo(Kind.nothing());
    assertThat(Kind.intersection(List.of())).isEqualTo(Kind.anything());
    assertThat(Kind.union(List.of(STRING, STRING, SIZE_24, STRING)))
        .isEqualTo(STRING.or(SIZE_24));
  }

  @Test
  void recordsRejectShapesOutsideTheNormalForm() {
    Kind sorted = STRING.or(SIZE_24);
    List<Kind> operands = ((Union) sorted).operands();
    assertThatThrownBy(() -> new Union(List.of(STRING)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Union(List.of(operands.get(1), operands.get(0))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ascending");
    assertThatThrownBy(() -> new Union(List.of(STRING, STRING)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Union(List.of(INTEGER, sorted)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("flatten");
    assertThatThrownBy(() -> new Intersection(List.of(STRING, Kind.anything())))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new Union(operands)).isEqualTo(sorted);
  }

  @Test
  void altIsTheClassifiersBusiness() {
    assertThatThrownBy(() -> STRING.alt(Relaxation.LESS))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("Type");
    ResidueClassifier residues = new ResidueClassifier("Mod7", 7, Relaxation.LESS_OR_EQUAL);
    Atom atMostThree = residues.atom(Relaxation.EQUAL, 3).alt(Relaxation.LESS_OR_EQUAL);
    assertThat(atMostThree.toString()).isEqualTo("hp.Mod7(3).alt('<=')");
    assertThat(atMostThree.filter(NodeSet.range(0, 10))).isEqualTo(NodeSet.of(0, 1, 2, 3, 7, 8, 9));
    Atom two = residues.atom(Relaxation.EQUAL, 2);
    assertThat(two.and(atMostThree)).isEqualTo(two);
    assertThat(two.or(atMostThree)).isEqualTo(atMostThree);
  }

  @Test
  void relaxationsParseTheirSymbols() {
    for (Relaxation relaxation : Relaxation.values()) {
      assertThat(Relaxation.fromSymbol(relaxation.symbol())).isEqualTo(relaxation);
    }
    assertThatThrownBy(() -> Relaxation.fromSymbol("=<"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void subsetTestsAreDecidedWhereProvable() {
    assertThat(Kind.anything().isSubsetOf(Kind.nothing())).isEqualTo(Decision.FALSE);
    assertThat(Kind.nothing().isSubsetOf(STRING)).isEqualTo(Decision.TRUE);
    assertThat(STRING.and(SIZE_24).isSubsetOf(STRING)).isEqualTo(Decision.TRUE);
    assertThat(STRING.isSubsetOf(INTEGER.not())).isEqualTo(Decision.TRUE);
    assertThat(STRING.isSubsetOf(SIZE_24)).isEqualTo(Decision.UNKNOWN);
    assertThat(STRING.or(SIZE_24).isSubsetOf(STRING)).isEqualTo(Decision.UNKNOWN);
  }

  @Test
  void sameNamedRelationsOfTwoHeapsStayApart() {
    LabelClassifier otherTypes = new LabelClassifier("Type", List.of("java.lang.String"), true);
    Atom otherString = otherTypes.atom("java.lang.String");
    assertThat(otherString).isNotEqualTo(STRING);
    assertThat(STRING.and(otherString)).isInstanceOf(Intersection.class);
    assertThat(STRING.or(otherString)).isEqualTo(otherString.or(STRING));
    assertThat(STRING.and(otherString.not()).filter(ALL)).isEqualTo(NodeSet.of(1, 3));
  }
}
