package org.hpq.equivalence;

import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hpq.equivalence.internal.PatternNames;
import org.hpq.hprof.HeapDump;
import org.hpq.hprof.ObjectKind;
import org.hpq.hprof.graph.Csr;
import org.hpq.setalgebra.NodeSet;

/**
 * heapy's {@code rp}: the reference pattern of a set, a tree of its referrers grouped by the
 * set's relation (clodo by default), generated depth first and lazily (rows are computed as
 * pages are shown). Row 0 ({@code _}) is the set; the children of a row are the rows of the
 * partition of its referrers; rows are named by their path of child letters, runs of three or
 * more written as letter and count ({@code a}, {@code aa}, {@code a3}, {@code a4b}).
 *
 * <pre>
 * Reference Pattern by &lt;clodo&gt;.
 *  0: _ --- [-] 1 (16 bytes) byte[] of com.example.Item: 0x70000100*0
 *  1: a      [-] 1 (24 bytes) com.example.Item: 0x70000010*1
 *  2: aa ---- [R] 1 (32 bytes) com.example.Holder: 0x70000000*1
 * </pre>
 *
 * Markers: {@code [-]} expanded below; {@code [+]} not expanded, the depth limit was reached;
 * {@code [R]} no referrers (held by GC roots only); {@code [^ N]} the same set as row N, not
 * repeated (cycles); {@code [S]} not expanded because every member is a class object (which
 * everything of its class refers to). After the label: the first members' addresses, each
 * with {@code *N}, the number of members of the row above (the one referred to) that it refers
 * to. At most 26 children per row are shown. Not thread-safe (generation is incremental).
 */
public final class ReferencePattern implements Pageable {
  /** heapy's default depth. */
  public static final int DEFAULT_DEPTH = 7;

  private static final int MAX_CHILDREN = 26;

  /**
   * One row of the pattern.
   *
   * @param index the row number
   * @param name {@code _}, {@code a}, {@code aa}, {@code a3}...
   * @param depth 0 for the set itself
   * @param marker {@code [-]}, {@code [+]}, {@code [R]}, {@code [S]} or {@code [^ N]}
   * @param label the class's label
   * @param set the objects of the row
   * @param parentIndex the row referred to by this one's members; -1 for row 0
   */
  public record PatternRow(
      int index, String name, int depth, String marker, String label, ObjectSet set, int parentIndex) {}

  private record Child(String label, NodeSet members) {}

  private static final class Frame {
    final PatternRow row;
    final List<Child> children;
    final int[] path;
    int next;

    Frame(PatternRow row, List<Child> children, int[] path) {
      this.row = row;
      this.children = children;
      this.path = path;
    }
  }

  private final ObjectSet set;
  private final int depth;
  private final List<PatternRow> rows = new ArrayList<>();
  private final Map<String, Integer> byName = new HashMap<>();
  private final Map<NodeSet, Integer> seen = new HashMap<>();
  private final Deque<Frame> stack = new ArrayDeque<>();

  private ReferencePattern(ObjectSet set, int depth) {
    this.set = set;
    this.depth = depth;
    addRow(set.nodes(), labelOf(set), null, new int[0]);
  }

  /**
   * The pattern of {@code set} to {@code depth} levels of referrers, by the set's relation.
   *
   * @throws IllegalArgumentException if {@code depth} is negative
   */
  public static ReferencePattern of(ObjectSet set, int depth) {
    if (depth < 0) {
      throw new IllegalArgumentException("negative depth " + depth);
    }
    return new ReferencePattern(set, depth);
  }

  private static String labelOf(ObjectSet set) {
    List<Row> rows = set.partition().rows();
    if (rows.size() == 1) {
      return rows.get(0).label();
    }
    return rows.isEmpty() ? "<Nothing>" : "<" + rows.size() + " kinds>";
  }

  /** The set the pattern is of. */
  public ObjectSet set() {
    return set;
  }

  /** The depth limit. */
  public int depth() {
    return depth;
  }

  /** Row {@code index}, generating rows up to it. */
  public PatternRow row(int index) {
    generateUntil(index + 1);
    if (index < 0 || index >= rows.size()) {
      throw new IndexOutOfBoundsException("row " + index + " of a reference pattern with " + rows.size() + " rows");
    }
    return rows.get(index);
  }

  /**
   * The row named {@code name} ({@code _}, {@code a}, {@code a3b}...), generating rows as needed.
   *
   * @throws IllegalArgumentException if there is no such row
   */
  public PatternRow row(String name) {
    int[] path = PatternNames.parse(name);
    while (!byName.containsKey(PatternNames.format(path)) && !isComplete()) {
      generateUntil(rows.size() + 1);
    }
    Integer index = byName.get(PatternNames.format(path));
    if (index == null) {
      throw new IllegalArgumentException("the reference pattern has no row named '" + name + "'");
    }
    return rows.get(index);
  }

  /** Every row, generating the whole pattern. */
  public List<PatternRow> rows() {
    generateUntil(Integer.MAX_VALUE);
    return List.copyOf(rows);
  }

  /** Whether every row has been generated. */
  public boolean isComplete() {
    return stack.isEmpty();
  }

  private void generateUntil(int count) {
    while (rows.size() < count && !stack.isEmpty()) {
      set.heap().checkCancelled();
      Frame top = stack.peek();
      if (top.next >= top.children.size()) {
        stack.pop();
        continue;
      }
      int childIndex = top.next;
      Child child = top.children.get(childIndex);
      int[] path = java.util.Arrays.copyOf(top.path, top.path.length + 1);
      path[top.path.length] = childIndex;
      // Advance only once the row is added: a cancelled step is redone on the next request.
      addRow(child.members(), child.label(), top.row, path);
      top.next = childIndex + 1;
    }
  }

  private void addRow(NodeSet members, String label, PatternRow parent, int[] path) {
    int rowDepth = path.length;
    int index = rows.size();
    Integer seenIndex = seen.get(members);
    List<Child> children = seenIndex == null ? children(members) : List.of();
    boolean stop = rowDepth > 0 && allClassObjects(members);
    String marker;
    if (seenIndex != null) {
      marker = "[^ " + seenIndex + "]";
    } else if (children.isEmpty()) {
      marker = "[R]";
    } else if (stop) {
      marker = "[S]";
    } else if (rowDepth < depth) {
      marker = "[-]";
    } else {
      marker = "[+]";
    }
    String name = PatternNames.format(path);
    PatternRow row =
        new PatternRow(index, name, rowDepth, marker, label, set.derive(members), parent == null ? -1 : parent.index());
    rows.add(row);
    byName.put(name, index);
    if (seenIndex == null) {
      seen.put(members, index);
      if (rowDepth < depth && !stop && !children.isEmpty()) {
        stack.push(new Frame(row, children, path));
      }
    }
  }

  private List<Child> children(NodeSet members) {
    ObjectSet referrers = set.derive(members).referrers();
    List<Row> partition = referrers.partition().rows();
    List<Child> children = new ArrayList<>(Math.min(MAX_CHILDREN, partition.size()));
    for (int i = 0; i < partition.size() && i < MAX_CHILDREN; i++) {
      children.add(new Child(partition.get(i).label(), partition.get(i).members()));
    }
    return children;
  }

  private boolean allClassObjects(NodeSet members) {
    HeapDump dump = set.heap().dump();
    for (var iterator = members.iterator(); iterator.hasNext(); ) {
      if (dump.kind(iterator.nextInt()) != ObjectKind.CLASS) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int rowCount() {
    generateUntil(Integer.MAX_VALUE);
    return rows.size();
  }

  @Override
  public String rowNoun() {
    return "lines";
  }

  /** As the default, but generating the pattern only as far as {@code start} while rows remain. */
  @Override
  public String endLineOrNull(int start) {
    generateUntil(start + 1);
    return start < rows.size() ? null : Pageable.super.endLineOrNull(start);
  }

  @Override
  public String render(int start, int maxRows, int width) {
    int end = maxRows < 0 ? Integer.MAX_VALUE : (int) Math.min(Integer.MAX_VALUE - 1L, (long) start + maxRows);
    generateUntil(end == Integer.MAX_VALUE ? end : end + 1);
    StringBuilder out = new StringBuilder("Reference Pattern by <").append(set.relation().name()).append(">.\n");
    int last = Math.min(end, rows.size());
    for (int index = start; index < last; index++) {
      out.append(line(rows.get(index), width)).append('\n');
    }
    if (rows.size() > last) {
      if (isComplete()) {
        out.append('<').append(rows.size() - last).append(" more lines. Type e.g. '_.more' for more.>\n");
      } else {
        out.append("<Type e.g. '_.more' for more.>\n");
      }
    }
    return out.toString();
  }

  /** heapy's line: {@code %2d: NAME}, a fill to column 9 + depth, the marker, then the summary. */
  private String line(PatternRow row, int width) {
    String prefix = String.format("%2d: %s ", row.index(), row.name());
    char fill = (row.index() & 1) == 1 ? ' ' : '-';
    StringBuilder line = new StringBuilder(prefix);
    for (int column = prefix.length(); column < 9 + row.depth(); column++) {
      line.append(fill);
    }
    line.append(' ').append(row.marker()).append(' ');
    line.append(row.set().count()).append(" (").append(row.set().size()).append(" bytes) ").append(row.label()).append(':');
    PatternRow parent = row.parentIndex() < 0 ? null : rows.get(row.parentIndex());
    HeapDump dump = set.heap().dump();
    boolean first = true;
    for (var iterator = row.set().nodes().iterator(); iterator.hasNext() && line.length() < width; ) {
      int node = iterator.nextInt();
      line.append(first ? " " : ", ").append(String.format("0x%x*%d", dump.id(node), referredCount(node, parent)));
      first = false;
    }
    if (line.length() > width) {
      line.setLength(Math.max(0, width - 3));
      line.append("...");
    }
    return line.toString();
  }

  /** How many distinct members of {@code parent}'s set {@code node} refers to; 0 for row 0. */
  private int referredCount(int node, PatternRow parent) {
    if (parent == null) {
      return 0;
    }
    Csr outbound = set.heap().dump().outbound();
    NodeSet targets = parent.set().nodes();
    IntOpenHashSet found = new IntOpenHashSet();
    for (long p = outbound.start(node), end = outbound.end(node); p < end; p++) {
      int target = outbound.neighbour(node, p);
      if (targets.contains(target)) {
        found.add(target);
      }
    }
    return found.size();
  }

  @Override
  public String toString() {
    return render(0, PAGE, Page.DEFAULT_WIDTH);
  }
}
