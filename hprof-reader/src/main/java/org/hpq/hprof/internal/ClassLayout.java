package org.hpq.hprof.internal;

/**
 * Where an instance of one class holds its references, for reading edges quickly.
 *
 * @param referenceOffsets byte offsets of reference fields within the field block
 * @param referenceLabels label codes of those fields ({@code .name})
 * @param weakIndex index into the offsets of {@code Reference.referent}, or -1
 * @param fileBytes length of the field block in the dump
 * @param shallowSize the instance's shallow size under the size model
 */
public record ClassLayout(
    int[] referenceOffsets, int[] referenceLabels, int weakIndex, long fileBytes, long shallowSize) {}
