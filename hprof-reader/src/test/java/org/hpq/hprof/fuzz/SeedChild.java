package org.hpq.hprof.fuzz;

import org.hpq.testkit.ChildJvmProtocol;

/** The small program whose real heap dump gives the parser a real-JDK seed. */
public final class SeedChild {
  private SeedChild() {}

  public static void main(String[] arguments) throws Exception {
    Object[] keep = {"a real string", new int[] {1, 2, 3}, new java.util.HashMap<String, Integer>()};
    ChildJvmProtocol.awaitParent();
    java.lang.ref.Reference.reachabilityFence(keep);
  }
}
