package org.hpq.equivalence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Single objects: views, field access, maprox. */
class ObjectViewTest {
  private final Fixture fixture = Fixture.get();
  private final Heap heap = fixture.heap;

  @Test
  void instanceFieldsReadAsSetsOrValues() {
    ObjectView item = fixture.set(fixture.item[0]).theOneView();
    assertThat(item.typeName()).isEqualTo("com.example.Item");
    assertThat(item.address()).isEqualTo(String.format("0x%x", fixture.item[0]));
    assertThat(item.field("id")).isEqualTo(0);
    assertThat(item.field("next")).isEqualTo(fixture.set(fixture.item[1]));
    assertThat(item.fields()).extracting(ObjectView.FieldView::name).containsExactly("id", "name", "payload", "next");
    assertThat(item.fields().get(1).text())
        .isEqualTo(String.format("0x%x <java.lang.String> 'item-0'", fixture.name[0]));
    assertThatThrownBy(() -> item.field("colour")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has no field 'colour'").hasMessageContaining("id, name, payload, next");
    assertThat(fixture.set(fixture.table).theOneView().elements(5))
        .containsExactly("null", String.format("0x%x <com.example.Item>", fixture.item[0]));
  }

  @Test
  void sizesStringsArraysAndNulls() {
    ObjectView item = fixture.set(fixture.item[0]).theOneView();
    long retained = fixture.set(fixture.item[0]).dominos().size();
    assertThat(item.retainedSize()).isEqualTo(retained);
    assertThat(item.shallowSize()).isEqualTo(heap.dump().shallowSize(fixture.node(fixture.item[0])));
    assertThat(fixture.set(fixture.name[2]).theOneView().stringValue()).isEqualTo("item-2");
    ObjectView payload = fixture.set(fixture.payload[1]).theOneView();
    assertThat(payload.arrayLength()).isEqualTo(4);
    assertThat(payload.elements(10)).containsExactly("1", "1", "2", "3");
    assertThat(fixture.set(fixture.boxed).theOneView().field("value")).isEqualTo(42);
    assertThat(fixture.set(fixture.holder).theOneView().field("extra")).isEqualTo(heap.emptySet());
  }

  @Test
  void classObjectsShowTheirStatics() {
    ObjectView holderClass = fixture.set(fixture.holderClass).theOneView();
    assertThat(holderClass.field("INSTANCE")).isEqualTo(fixture.set(fixture.holder));
    assertThat(holderClass.render()).contains("static INSTANCE = " + String.format("0x%x <com.example.Holder>", fixture.holder));
  }

  @Test
  void maproxMapsAFieldOverTheMembers() {
    ObjectSet items = fixture.set(fixture.item);
    assertThat(items.maprox("next")).isEqualTo(items);
    assertThat(items.maprox("name")).isEqualTo(fixture.set(fixture.name));
    assertThat(items.or(fixture.set(fixture.holder)).maprox("cache")).isEqualTo(fixture.set(fixture.cache));
    assertThat(fixture.set(fixture.holderClass).maprox("INSTANCE")).isEqualTo(fixture.set(fixture.holder));
    assertThatThrownBy(() -> items.maprox("colour")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'colour'");
    assertThat(heap.emptySet().maprox("colour").count()).isZero();
  }

  @Test
  void briefIsOneLine() {
    ObjectSet items = fixture.set(fixture.item);
    long size = items.size();
    assertThat(items.brief()).isEqualTo("<3 objects, " + size + " bytes, 1 kind>");
    assertThat(fixture.set(fixture.item[0], fixture.holder).brief()).endsWith(" bytes, 2 kinds>").startsWith("<2 objects, ");
    assertThat(fixture.set(fixture.holder).brief()).startsWith("<1 object, ");
  }
}
