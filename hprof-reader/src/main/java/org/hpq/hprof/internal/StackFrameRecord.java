package org.hpq.hprof.internal;

/** A STACK FRAME record: names are UTF8 ids; {@code line} is -1 unknown, -2 compiled, -3 native. */
public record StackFrameRecord(
    long frameId, long methodNameId, long signatureId, long sourceFileId, int classSerial, int line) {}
