package org.hpq.equivalence;

import java.util.ArrayList;
import java.util.List;
import org.hpq.equivalence.internal.EdgeLabels;
import org.hpq.hprof.HeapDump;
import org.hpq.hprof.paths.ReferencePath;
import org.hpq.hprof.paths.ShortestPathResult;

/**
 * heapy's {@code sp}: the shortest reference paths from the GC roots to the nearest members of a
 * set, each written as a via chain such as {@code <root: Java frame main
 * Main.run(Main.java:12)>.cache.table[17].value} (fields and slots attach directly, other labels
 * such as statics after {@code ->}). Immutable.
 *
 * <pre>
 * 2 shortest paths of length 3 to 1 object.
 *  0: &lt;root: JNI global&gt;.items[0].next
 *  1: &lt;root: JNI global&gt;.items[1].next
 * </pre>
 *
 * @param length objects on each path (references followed, the root's included); 0 if none
 * @param pathCount distinct shortest paths in all ({@link Long#MAX_VALUE}: at least that many)
 * @param targetCount members of the set at that distance
 * @param chains the listed paths as chains (at most as many as asked for)
 * @param paths the listed paths as objects and edges, parallel to {@code chains}
 */
public record ReferenceChains(
    int length, long pathCount, long targetCount, List<String> chains, List<ReferencePath> paths)
    implements Pageable {

  /** Copies the lists. */
  public ReferenceChains {
    chains = List.copyOf(chains);
    paths = List.copyOf(paths);
  }

  /** Labels the paths of {@code result} in {@code dump}. */
  public static ReferenceChains of(HeapDump dump, ShortestPathResult result) {
    List<String> chains = new ArrayList<>(result.paths().size());
    for (ReferencePath path : result.paths()) {
      chains.add(chain(dump, path));
    }
    return new ReferenceChains(result.length(), result.pathCount(), result.targetCount(), chains, result.paths());
  }

  /** One path as a via chain starting with its root's label. */
  public static String chain(HeapDump dump, ReferencePath path) {
    StringBuilder text = new StringBuilder(dump.roots().get(path.rootIndex()).label());
    for (int index = 0; index + 1 < path.length(); index++) {
      EdgeLabels.append(text, EdgeLabels.label(dump, path.node(index), path.edgePosition(index)));
    }
    return text.toString();
  }

  /** Whether some member is reachable from the roots. */
  public boolean found() {
    return length > 0;
  }

  @Override
  public int rowCount() {
    return chains.size();
  }

  /** Past the last path, {@code <No more paths (1 listed).>}; a set no root reaches keeps its "No path" text. */
  @Override
  public String endLineOrNull(int start) {
    return start == 0 || !found() || start < chains.size() ? null : "<No more paths (" + chains.size() + " listed).>";
  }

  @Override
  public String render(int start, int maxRows, int width) {
    StringBuilder out = new StringBuilder();
    if (!found()) {
      return "No path from the roots to the set.\n";
    }
    String count = pathCount == Long.MAX_VALUE ? "At least " + Long.MAX_VALUE : Long.toString(pathCount);
    out.append(count).append(pathCount == 1 ? " shortest path" : " shortest paths")
        .append(" of length ").append(length).append(" to ").append(targetCount)
        .append(targetCount == 1 ? " object.\n" : " objects.\n");
    int end = maxRows < 0 ? chains.size() : (int) Math.min(chains.size(), (long) start + maxRows);
    for (int index = start; index < end; index++) {
      out.append(String.format("%2d: ", index)).append(chains.get(index)).append('\n');
    }
    if (end < chains.size()) {
      out.append('<').append(chains.size() - end).append(" more paths. Type e.g. '_.more' to view.>\n");
    } else if (chains.size() < pathCount) {
      String more = pathCount == Long.MAX_VALUE ? "many" : Long.toString(pathCount - chains.size());
      out.append("<... ").append(more).append(" more paths not listed ...>\n");
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return render(0, PAGE, Page.DEFAULT_WIDTH);
  }
}
