package org.hpq.hprof.internal;

/**
 * An edge the VM holds but HPROF does not write, found from the shape of the dump.
 *
 * @param source the holder's object index (a class object)
 * @param target the held object's index
 * @param label the label code: the Java field the edge stands for ({@code .name})
 */
record ImpliedEdge(int source, int target, int label) {}
