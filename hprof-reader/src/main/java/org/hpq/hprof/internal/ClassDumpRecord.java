package org.hpq.hprof.internal;

/**
 * A CLASS DUMP sub-record as read from the file, ids unresolved.
 *
 * @param staticNames UTF8 ids of the static fields' names
 * @param staticTypes basic-type tags of the static fields
 * @param staticValues raw values (ids for references, bits for floats)
 * @param fieldNames UTF8 ids of the instance fields declared by this class (not inherited ones)
 * @param fieldTypes basic-type tags of those fields
 * @param constantPoolReferences ids of object-typed constant pool entries
 */
public record ClassDumpRecord(
    long classId,
    long offset,
    long superId,
    long loaderId,
    long signersId,
    long protectionDomainId,
    long instanceSize,
    long[] staticNames,
    byte[] staticTypes,
    long[] staticValues,
    long[] fieldNames,
    byte[] fieldTypes,
    long[] constantPoolReferences) {}
