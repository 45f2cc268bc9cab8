package org.hpq.shell.reliability;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hpq.testkit.ChildJvmProtocol;

/** A small real program to dump: maps, lists, strings and arrays, then waits for its parent. */
public final class RealWorkload {
  private RealWorkload() {}

  public static void main(String[] arguments) throws Exception {
    Map<String, List<int[]>> keep = new HashMap<>();
    for (int i = 0; i < 2000; i++) {
      List<int[]> values = new ArrayList<>();
      values.add(new int[i % 17]);
      keep.put("key " + i, values);
    }
    ChildJvmProtocol.awaitParent();
    java.lang.ref.Reference.reachabilityFence(keep);
  }
}
