package org.hpq.equivalence.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hpq.equivalence.Diff;
import org.hpq.equivalence.Stat;
import org.hpq.equivalence.StatRow;
import org.junit.jupiter.api.Test;

/** The difference layout and Python's {@code %g} as heapy prints percentages of B. */
class DiffTextTest {
  @Test
  void pythonGeneralFormatKeepsThreeSignificantDigits() {
    assertThat(DiffText.pythonG3(14.473684)).isEqualTo("14.5");
    assertThat(DiffText.pythonG3(100)).isEqualTo("100");
    assertThat(DiffText.pythonG3(0.129323)).isEqualTo("0.129");
    assertThat(DiffText.pythonG3(-2.5)).isEqualTo("-2.5");
    assertThat(DiffText.pythonG3(1234.5)).isEqualTo("1.23e+03");
    assertThat(DiffText.pythonG3(0.00001234)).isEqualTo("1.23e-05");
    assertThat(DiffText.pythonG3(0)).isEqualTo("0");
    assertThat(DiffText.percentOfB(5, 0)).isEqualTo("   (n.a.)");
  }

  @Test
  void rowsMatchByLabelAndSortByAbsoluteSizeDifference() {
    Stat a = new Stat("clodo", "Kind (class / owner)", 6, 300,
        List.of(new StatRow("x", 1, 100), new StatRow("y", 5, 200)));
    Stat b = new Stat("clodo", "Kind (class / owner)", 4, 500,
        List.of(new StatRow("y", 2, 100), new StatRow("z", 2, 400)));
    Diff diff = a.diff(b);
    assertThat(diff.rows()).containsExactly(
        new StatRow("z", -2, -400), new StatRow("x", 1, 100), new StatRow("y", 3, 100));
    assertThat(diff.count()).isEqualTo(2);
    assertThat(diff.size()).isEqualTo(-200);
    assertThat(diff.toString()).isEqualTo(
        "Summary of difference operation (A-B).\n"
            + "        Count     Size\n"
            + "  A         6      300\n"
            + "  B         4      500\n"
            + "  A-B       2     -200  =       -40 % of B\n"
            + "\n"
            + "Differences by kind, largest absolute size diffs first.\n"
            + " Index  Count     Size  Cumulative  % of B Kind (class / owner)\n"
            + "     0     -2     -400      -400       -80 z\n"
            + "     1      1      100      -300       -60 x\n"
            + "     2      3      100      -200       -40 y\n");
  }
}
