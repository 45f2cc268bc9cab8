package org.hpq.hprof.internal;

import org.hpq.hprof.RootKind;

/**
 * A ROOT sub-record as read from the file. {@code threadSerial} and {@code frameNumber} are -1
 * where the kind has none; {@code extra} is the JNI global ref id or a thread's stack trace serial;
 * {@code offset} is where the sub-record starts in the dump.
 */
public record RootRecord(RootKind kind, long objectId, int threadSerial, int frameNumber, long extra, long offset) {}
