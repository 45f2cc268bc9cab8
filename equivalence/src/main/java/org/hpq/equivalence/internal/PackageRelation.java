package org.hpq.equivalence.internal;

import org.hpq.equivalence.Relation;

/** The package of an object's type (of the element type for arrays). */
public final class PackageRelation implements Relation {
  private final TypeNames types;
  private final Interner<String> packages = new Interner<>();

  public PackageRelation(TypeNames types) {
    this.types = types;
  }

  @Override
  public String name() {
    return "package";
  }

  @Override
  public String header() {
    return "Package";
  }

  @Override
  public long key(int node) {
    String type = types.name(types.typeId(node));
    int bracket = type.indexOf('[');
    String element = bracket >= 0 ? type.substring(0, bracket) : type;
    int dot = element.lastIndexOf('.');
    return packages.id(dot < 0 ? (bracket >= 0 && !element.contains(".") ? "<primitive arrays>" : "<default package>") : element.substring(0, dot));
  }

  @Override
  public String label(long key) {
    return packages.value((int) key);
  }
}
