/**
 * JSON forms of the equivalence values for the shell's {@code --json}, written with
 * jackson-core's streaming generator.
 *
 * <pre>{@code
 * String json = JsonValues.toJson(heap.heapSet().by("type"), 10);
 * // {"count":..,"size":..,"relation":"type","rows":[{"index":0,"count":..,"size":..,"label":".."}, ...],"more":..}
 * }</pre>
 */
package org.hpq.equivalence.json;
