package org.hpq.hprof;

/**
 * A static field with its value as stored in the dump: an object id for references (0 for null),
 * otherwise the value's bits (see {@link FieldValue}).
 */
public record StaticField(String name, BasicType type, long value) {}
