package org.hpq.hprof.realdumps;

/** JDK 17 with default options: compressed oops, CDS archived heap, live dump. */
class Jdk17DefaultDumpTest extends RealDumpTestBase {
  @Override
  Scenario scenario() {
    return Scenario.jdk17("jdk17");
  }
}
