package org.hpq.equivalence.text;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import org.hpq.equivalence.Diff;
import org.hpq.equivalence.StatRow;

/**
 * heapy's layout of a difference of two stats:
 *
 * <pre>
 * Summary of difference operation (A-B).
 *         Count     Size
 *   A       1010    32320
 *   B       1000    32000
 *   A-B       10      320  =         1 % of B
 *
 * Differences by kind, largest absolute size diffs first.
 *  Index  Count     Size  Cumulative  % of B Kind (class / owner)
 *      0     10      320         320         1 com.example.Item
 * </pre>
 *
 * Row format {@code %6d %6d %8d %9d %9.3g LABEL} (Python's {@code %g}: three significant digits,
 * trailing zeros dropped; {@code (n.a.)} when B is empty). Without any difference the second part
 * is left out.
 */
public final class DiffText {
  private DiffText() {}

  /** Renders rows {@code start} to {@code start + maxRows} (all when negative). */
  public static String render(Diff diff, int start, int maxRows, int width) {
    long bSize = diff.b().size();
    StringBuilder out = new StringBuilder("Summary of difference operation (A-B).\n");
    out.append("        Count     Size\n");
    out.append(String.format("  A    %6d %8d\n", diff.a().count(), diff.a().size()));
    out.append(String.format("  B    %6d %8d\n", diff.b().count(), bSize));
    out.append(String.format("  A-B  %6d %8d  = %s %% of B\n", diff.count(), diff.size(), percentOfB(diff.size(), bSize)));
    List<StatRow> rows = diff.rows();
    if (diff.count() == 0 && diff.size() == 0 && rows.isEmpty()) {
      return out.toString().replace("\r\n", "\n");
    }
    out.append("\nDifferences by kind, largest absolute size diffs first.\n");
    out.append(" Index  Count     Size  Cumulative  % of B ").append(diff.a().header()).append('\n');
    int end = maxRows < 0 ? rows.size() : (int) Math.min(rows.size(), (long) start + maxRows);
    long cumulative = 0;
    for (int i = 0; i < start && i < rows.size(); i++) {
      cumulative += rows.get(i).size();
    }
    for (int i = start; i < end; i++) {
      StatRow row = rows.get(i);
      cumulative += row.size();
      String prefix =
          String.format("%6d %6d %8d %9d %s ", i, row.count(), row.size(), cumulative, percentOfB(cumulative, bSize));
      out.append(prefix);
      PartitionText.appendWrapped(out, row.label(), prefix.length(), width);
    }
    if (end < rows.size()) {
      out.append('<').append(rows.size() - end).append(" more rows. Type e.g. '_.more' to view.>\n");
    }
    return out.toString().replace("\r\n", "\n");
  }

  /** {@code size} as a percentage of {@code bSize} in {@code %9.3g}, or {@code    (n.a.)}. */
  static String percentOfB(long size, long bSize) {
    if (bSize == 0) {
      return "   (n.a.)";
    }
    return PartitionText.right(pythonG3(size * 100.0 / bSize), 9);
  }

  /** Python's {@code '%.3g' % value}. */
  static String pythonG3(double value) {
    if (value == 0) {
      return "0";
    }
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return Double.isNaN(value) ? "nan" : (value > 0 ? "inf" : "-inf");
    }
    BigDecimal rounded = new BigDecimal(value).round(new MathContext(3, RoundingMode.HALF_EVEN));
    int exponent = rounded.precision() - rounded.scale() - 1;
    if (exponent < -4 || exponent >= 3) {
      BigDecimal mantissa = rounded.movePointLeft(exponent).stripTrailingZeros();
      String sign = exponent < 0 ? "-" : "+";
      int magnitude = Math.abs(exponent);
      return mantissa.toPlainString() + "e" + sign + (magnitude < 10 ? "0" : "") + magnitude;
    }
    String plain = rounded.setScale(Math.max(0, 2 - exponent), RoundingMode.HALF_EVEN).toPlainString();
    if (plain.contains(".")) {
      plain = plain.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return plain;
  }
}
