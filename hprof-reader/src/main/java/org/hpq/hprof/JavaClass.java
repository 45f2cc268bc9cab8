package org.hpq.hprof;

import java.util.List;

/**
 * A class of the dump, from its CLASS DUMP and LOAD CLASS records. Immutable.
 *
 * @param objectIndex the index of the class object (its {@code java.lang.Class} mirror)
 * @param id the class object's id in the dump
 * @param name the Java name: {@code java.lang.String}, {@code byte[]}, {@code java.lang.Object[]}
 * @param superclassIndex the superclass's object index, or -1
 * @param loaderIndex the defining loader's object index, or -1 for the boot loader
 * @param fields the instance fields this class declares, in dump order
 * @param allFields every instance field, in the order of an INSTANCE DUMP's values: this class's
 *     own fields first, then the superclass's, up the chain
 * @param statics the static fields with their values
 * @param instanceSize shallow size of an instance under the dump's size model
 */
public record JavaClass(
    int objectIndex,
    long id,
    String name,
    int superclassIndex,
    int loaderIndex,
    List<FieldInfo> fields,
    List<FieldInfo> allFields,
    List<StaticField> statics,
    long instanceSize) {

  /** Whether this is an array class ({@code int[]}, {@code java.lang.String[][]}). */
  public boolean isArray() {
    return name.endsWith("[]");
  }

  /** The name without its package: {@code HashMap$Node} for {@code java.util.HashMap$Node}. */
  public String simpleName() {
    int dot = name.lastIndexOf('.', name.endsWith("[]") ? name.indexOf('[') : name.length());
    return name.substring(dot + 1);
  }
}
