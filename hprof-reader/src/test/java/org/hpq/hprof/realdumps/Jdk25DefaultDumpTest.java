package org.hpq.hprof.realdumps;

/** JDK 25 (Temurin, when installed) with default options. */
class Jdk25DefaultDumpTest extends RealDumpTestBase {
  @Override
  Scenario scenario() {
    return Scenario.jdk25("jdk25");
  }
}
