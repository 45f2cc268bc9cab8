/**
 * heapy's text layouts: the partition table ({@link org.hpq.equivalence.text.PartitionText}),
 * the {@code byid} table ({@link org.hpq.equivalence.text.IdText}) and the difference summary
 * ({@link org.hpq.equivalence.text.DiffText}). Pure functions of their arguments.
 *
 * <pre>{@code
 * String page = PartitionText.render(set.partition(), 0, PartitionText.PAGE, 80);
 * }</pre>
 */
package org.hpq.equivalence.text;
