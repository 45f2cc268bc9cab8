package org.hpq.hprof.internal;

/** A STACK TRACE record: the frames of one thread, innermost first. */
public record StackTraceRecord(int serial, int threadSerial, long[] frameIds) {}
