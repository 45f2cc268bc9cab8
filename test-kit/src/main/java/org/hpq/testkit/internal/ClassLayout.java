package org.hpq.testkit.internal;

import java.util.List;

/**
 * What the writer remembers of a class it has dumped: enough to lay out instance field values.
 *
 * @param id the class object id
 * @param internalName the name as written in LOAD CLASS ({@code java/lang/String})
 * @param serial the LOAD CLASS serial, or 0 if none was written
 * @param superclassId the superclass id, 0 for none
 * @param fields own instance fields in dump order
 */
public record ClassLayout(
    long id, String internalName, int serial, long superclassId, List<Field> fields) {

  /** One instance field: its name and type. */
  public record Field(String name, org.hpq.testkit.FieldType type) {}

  /** Copies the field list. */
  public ClassLayout {
    fields = List.copyOf(fields);
  }
}
