package org.hpq.equivalence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hpq.equivalence.internal.ClodoRelation;
import org.hpq.equivalence.internal.FrameRelation;
import org.hpq.equivalence.internal.IdRelation;
import org.hpq.equivalence.internal.LoaderRelation;
import org.hpq.equivalence.internal.PackageRelation;
import org.hpq.equivalence.internal.ProductRelation;
import org.hpq.equivalence.internal.RcsRelation;
import org.hpq.equivalence.internal.RootRelation;
import org.hpq.equivalence.internal.SizeRelation;
import org.hpq.equivalence.internal.TypeNames;
import org.hpq.equivalence.internal.TypeRelation;
import org.hpq.equivalence.internal.UnityRelation;
import org.hpq.equivalence.internal.ViaRelation;

/**
 * The relations of one heap, by name: clodo, type, size, rcs, via, id, unity, package, loader,
 * root, frame, and products such as {@code Type&Size}. Relations that need a pass over the heap
 * (root, frame) are built on first use.
 */
public final class Relations {
  private final Heap heap;
  private final TypeNames types;
  private final Map<String, Relation> byName = new LinkedHashMap<>();

  Relations(Heap heap) {
    this.heap = heap;
    this.types = new TypeNames(heap.dump());
  }

  /** The names of the simple relations, in the order help lists them. */
  public static final List<String> NAMES =
      List.of("clodo", "type", "size", "rcs", "via", "id", "unity", "package", "loader", "root", "frame");

  /**
   * The relation named {@code name} (any case), or a product written {@code A&B}.
   *
   * @throws IllegalArgumentException for an unknown name, listing the known ones
   */
  public synchronized Relation get(String name) {
    String normalized = name.trim().toLowerCase(Locale.ROOT);
    Relation known = byName.get(normalized);
    if (known != null) {
      return known;
    }
    Relation relation;
    if (normalized.contains("&")) {
      List<Relation> factors = new ArrayList<>();
      for (String part : normalized.split("&")) {
        factors.add(get(part));
      }
      relation = new ProductRelation(factors);
    } else {
      relation = create(normalized);
    }
    byName.put(normalized, relation);
    return relation;
  }

  public Relation clodo() {
    return get("clodo");
  }

  private Relation create(String name) {
    return switch (name) {
      case "clodo" -> new ClodoRelation(heap, types);
      case "type" -> new TypeRelation(heap, types);
      case "size" -> new SizeRelation(heap);
      case "rcs" -> new RcsRelation(heap, (ClodoRelation) get("clodo"));
      case "via" -> new ViaRelation(heap);
      case "id" -> new IdRelation(heap);
      case "unity" -> new UnityRelation();
      case "package" -> new PackageRelation(types);
      case "loader" -> new LoaderRelation(heap);
      case "root" -> new RootRelation(heap);
      case "frame" -> new FrameRelation(heap);
      default -> throw new IllegalArgumentException(
          "unknown relation '" + name + "'; known: " + String.join(", ", NAMES));
    };
  }
}
