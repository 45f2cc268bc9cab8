/** Helpers for running work on both cores: {@link org.hpq.hprof.concurrent.TwoThreads}. */
package org.hpq.hprof.concurrent;
