package org.hpq.hprof;

/** An instance field: its name, its type, and the class that declares it. */
public record FieldInfo(String name, BasicType type, String declaringClass) {}
