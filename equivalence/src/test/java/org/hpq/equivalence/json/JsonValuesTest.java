package org.hpq.equivalence.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.hpq.equivalence.Diff;
import org.hpq.equivalence.Stat;
import org.hpq.equivalence.StatRow;
import org.junit.jupiter.api.Test;

/** JSON shapes of detached values (heap-bound values are checked in JsonOnHeapTest). */
class JsonValuesTest {
  private final Stat stat = new Stat("clodo", "Kind (class / owner)", 3, 96,
      List.of(new StatRow("com.example.Item", 2, 64), new StatRow("java.lang.\"Odd\"", 1, 32)));

  @Test
  void statHasCountSizeRelationAndRows() {
    assertThat(JsonValues.toJson(stat, -1)).isEqualTo(
        "{\"count\":3,\"size\":96,\"relation\":\"clodo\",\"rows\":["
            + "{\"index\":0,\"count\":2,\"size\":64,\"label\":\"com.example.Item\"},"
            + "{\"index\":1,\"count\":1,\"size\":32,\"label\":\"java.lang.\\\"Odd\\\"\"}]}");
    assertThat(JsonValues.toJson(stat, 1)).endsWith("\"label\":\"com.example.Item\"}],\"more\":1}");
  }

  @Test
  void diffHasBothSummaries() throws Exception {
    Stat other = new Stat("clodo", "Kind (class / owner)", 1, 32, List.of(new StatRow("com.example.Item", 1, 32)));
    Diff diff = stat.diff(other);
    JsonNode tree = new ObjectMapper().readTree(JsonValues.toJson(diff, -1));
    assertThat(tree.get("a").get("count").asLong()).isEqualTo(3);
    assertThat(tree.get("b").get("size").asLong()).isEqualTo(32);
    assertThat(tree.get("count").asLong()).isEqualTo(2);
    assertThat(tree.get("rows").size()).isEqualTo(2);
    assertThat(tree.get("rows").get(0).get("label").asText()).isEqualTo("com.example.Item");
  }

  @Test
  void pagesScalarsAndErrors() {
    assertThat(JsonValues.toJson(stat.more(), -1)).contains("\"rows\":[]");
    assertThat(JsonValues.toJson(42, -1)).isEqualTo("42");
    assertThat(JsonValues.toJson("a\"b", -1)).isEqualTo("\"a\\\"b\"");
    assertThat(JsonValues.toJson(null, -1)).isEqualTo("null");
    assertThatThrownBy(() -> JsonValues.toJson(new Object(), -1)).isInstanceOf(IllegalArgumentException.class);
  }
}
