/** Implementation details of the test kit: byte sinks, segment packing, id allocation, processes. */
package org.hpq.testkit.internal;
