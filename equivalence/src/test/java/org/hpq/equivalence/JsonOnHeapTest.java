package org.hpq.equivalence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hpq.equivalence.json.JsonValues;
import org.junit.jupiter.api.Test;

/** JSON of heap-bound values: sets, object views, paths, steps and patterns. */
class JsonOnHeapTest {
  private final Fixture fixture = Fixture.get();
  private final ObjectMapper mapper = new ObjectMapper();

  private JsonNode json(Object value, int limit) throws Exception {
    return mapper.readTree(JsonValues.toJson(value, limit));
  }

  @Test
  void aSetIsItsPartition() throws Exception {
    ObjectSet heapSet = fixture.heap.heapSet();
    JsonNode tree = json(heapSet, -1);
    assertThat(tree.get("count").asLong()).isEqualTo(heapSet.count());
    assertThat(tree.get("size").asLong()).isEqualTo(heapSet.size());
    assertThat(tree.get("relation").asText()).isEqualTo("clodo");
    assertThat(tree.get("rows").size()).isEqualTo(heapSet.rowCount());
    JsonNode first = tree.get("rows").get(0);
    Row row = heapSet.partition().rows().get(0);
    assertThat(first.get("index").asInt()).isZero();
    assertThat(first.get("count").asLong()).isEqualTo(row.count());
    assertThat(first.get("label").asText()).isEqualTo(row.label());
    JsonNode limited = json(heapSet.by("type"), 2);
    assertThat(limited.get("rows").size()).isEqualTo(2);
    assertThat(limited.get("more").asInt()).isEqualTo(heapSet.by("type").rowCount() - 2);
    assertThat(json(heapSet.more(), -1).get("rows").get(0).get("index").asInt()).isEqualTo(10);
  }

  @Test
  void objectViewsPathsStepsAndPatterns() throws Exception {
    JsonNode item = json(fixture.set(fixture.item[0]).theOneView(), -1);
    assertThat(item.get("type").asText()).isEqualTo("com.example.Item");
    assertThat(item.get("fields").get(3).get("name").asText()).isEqualTo("next");
    assertThat(item.get("fields").get(3).get("target").asText()).isEqualTo(String.format("0x%x", fixture.item[1]));
    JsonNode array = json(fixture.set(fixture.payload[2]).theOneView(), -1);
    assertThat(array.get("length").asInt()).isEqualTo(4);
    assertThat(array.get("elements").get(0).asText()).isEqualTo("2");
    JsonNode paths = json(fixture.set(fixture.shared).sp(), -1);
    assertThat(paths.get("pathCount").asLong()).isEqualTo(2);
    assertThat(paths.get("paths").get(1).asText()).isEqualTo("<root: sticky class>->com.example.Holder.INSTANCE.right.left");
    JsonNode steps = json(fixture.set(fixture.item[0]).pathsIn(), -1);
    assertThat(steps.get("count").asInt()).isEqualTo(3);
    assertThat(steps.get("references").get(0).get("label").asText()).isEqualTo(".next");
    JsonNode pattern = json(fixture.set(fixture.item).rp(), -1);
    assertThat(pattern.get("rows").size()).isEqualTo(8);
    assertThat(pattern.get("rows").get(1).get("marker").asText()).isEqualTo("[^ 0]");
    assertThat(pattern.get("complete").asBoolean()).isTrue();
    assertThat(json(fixture.heap.kinds().size(24), -1).get("kind").asText()).isEqualTo("hp.Size(24)");
  }
}
