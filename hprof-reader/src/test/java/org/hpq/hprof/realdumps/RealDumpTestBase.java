package org.hpq.hprof.realdumps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hpq.hprof.GcRoot;
import org.hpq.hprof.HeapDump;
import org.hpq.hprof.JavaClass;
import org.hpq.hprof.dominators.DominatorCertificate;
import org.hpq.hprof.dominators.DominatorTree;
import org.hpq.hprof.dominators.TaskMonitor;
import org.hpq.hprof.store.BigArrays;
import org.hpq.hprof.RootKind;
import org.hpq.hprof.SizeModel;
import org.hpq.testkit.workloads.KnownGraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checks every real-dump scenario shares. A subclass names its {@link Scenario}; the dump is
 * taken once per class. Assertions marked "exact after fix" hold a known, measured difference
 * today and should be tightened when the reader fix named in {@code docs/notes/real-dumps.md}
 * lands; they are written so that the fix does not break them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(180)
abstract class RealDumpTestBase {
  /** JDK classes whose live counts and bytes must equal the histogram's in every scenario. */
  static final List<String> COMMON_JDK_CLASSES = List.of(
      "java.util.HashMap", "java.util.HashMap$Node", "java.util.HashMap$Node[]", "java.util.ArrayList",
      "long[]", "char[]", "java.lang.Integer", "java.util.concurrent.ConcurrentHashMap",
      "java.lang.ref.WeakReference", "java.lang.ThreadGroup");
  /** Classes that may change between the histogram and the dump (Cleaner work in between). */
  static final Set<String> CHURN = Set.of(
      "java.lang.invoke.MethodHandleNatives$CallSiteContext", "jdk.internal.ref.CleanerImpl$PhantomCleanableRef");
  static final int CHURN_LIMIT = 8;

  ScenarioDump taken;
  HeapDump dump;
  Map<String, Tally> histogram;

  abstract Scenario scenario();

  @BeforeAll
  void takeDump(@TempDir Path directory) throws Exception {
    assumeTrue(ScenarioDump.jdkPresent(scenario()),
        "skipped: no JDK at " + scenario().javaHome() + " for scenario " + scenario().name());
    taken = ScenarioDump.take(scenario(), directory);
    dump = taken.dump();
    histogram = ClassTallies.of(taken.result().histogram());
  }

  @AfterAll
  void closeDump() throws IOException {
    if (taken != null) {
      taken.close();
    }
  }

  /** Per-class tallies to hold against the histogram: reachable objects, or all for {@code -all}. */
  Map<String, Tally> comparable() {
    return scenario().allObjects() ? ClassTallies.all(dump) : ClassTallies.reachable(dump);
  }

  String context() {
    return scenario().name() + " (" + taken.result().dumpFile() + ")";
  }

  @Test
  void dominatorTreePassesTheCertificate() {
    List<String> violations =
        DominatorCertificate.check(dump.objectGraph(), dump.dominatorTree(), BigArrays.onHeap(), 10, TaskMonitor.NONE);
    assertThat(violations).as("dominator certificate on %s", context()).isEmpty();
  }

  /**
   * retained(x) = (strongly reachable size) - (strongly reachable size with x removed), for the
   * largest retainers and a seeded sample of other strongly reachable objects.
   */
  @Test
  void retainedSizesEqualBruteForceOnASample() {
    long seed = 0x5eed + scenario().name().hashCode();
    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
    DominatorTree tree = dump.dominatorTree();
    long whole = strongSize(-1);
    List<Integer> sample = new java.util.ArrayList<>();
    for (int object = 0; object < dump.objectCount(); object++) {
      if (tree.isStronglyReachable(object) && tree.retainedSize(object) > 100_000) {
        sample.add(object);
      }
    }
    while (sample.size() < 60) {
      int object = random.nextInt(dump.objectCount());
      if (tree.isStronglyReachable(object)) {
        sample.add(object);
      }
    }
    for (int object : sample) {
      assertThat(tree.retainedSize(object))
          .as("retained size of %s 0x%x in %s (seed %d)", dump.typeName(object), dump.id(object), context(), seed)
          .isEqualTo(whole - strongSize(object));
    }
  }

  /** Total shallow size of what the roots reach over strong edges without passing {@code removed}. */
  private long strongSize(int removed) {
    org.hpq.hprof.graph.Csr out = dump.outbound();
    java.util.BitSet seen = new java.util.BitSet(dump.objectCount());
    int[] queue = new int[dump.objectCount()];
    int head = 0;
    int tail = 0;
    for (org.hpq.hprof.GcRoot root : dump.roots()) {
      if (root.object() != removed && !seen.get(root.object())) {
        seen.set(root.object());
        queue[tail++] = root.object();
      }
    }
    long size = 0;
    while (head < tail) {
      int node = queue[head++];
      size += dump.shallowSize(node);
      for (long p = out.start(node), end = out.end(node); p < end; p++) {
        int target = out.neighbour(node, p);
        if (!out.isWeak(node, p) && target != removed && !seen.get(target)) {
          seen.set(target);
          queue[tail++] = target;
        }
      }
    }
    return size;
  }

  @Test
  void knownGraphCountsAreExact() {
    Map<String, Tally> reachable = ClassTallies.reachable(dump);
    int weakTargets = scenario().allObjects() ? KnownGraph.WEAK_TARGET_COUNT_ALL : KnownGraph.WEAK_TARGET_COUNT_LIVE;
    assertThat(ClassTallies.get(reachable, KnownGraph.ITEM_CLASS_NAME).instances()).as(context()).isEqualTo(KnownGraph.ITEM_COUNT);
    assertThat(ClassTallies.get(reachable, KnownGraph.CYCLE_NODE_CLASS_NAME).instances()).as(context())
        .isEqualTo(KnownGraph.CYCLE_NODE_COUNT);
    assertThat(ClassTallies.get(reachable, KnownGraph.LOCAL_ONLY_CLASS_NAME).instances()).as(context())
        .isEqualTo(KnownGraph.LOCAL_ONLY_COUNT);
    // The WeakTarget of an -all dump is reachable: hp.heap() follows weak references too.
    assertThat(ClassTallies.get(reachable, KnownGraph.WEAK_TARGET_CLASS_NAME).instances()).as(context())
        .isEqualTo(weakTargets);
    assertThat(ClassTallies.get(ClassTallies.all(dump), KnownGraph.WEAK_TARGET_CLASS_NAME).instances())
        .as(context()).isEqualTo(weakTargets);
  }

  @Test
  void knownGraphObjectsHaveTheirFieldsAndStatics() {
    long itemSize = scenario().compressedOops()
        ? KnownGraph.ITEM_SIZE_COMPRESSED_OOPS
        : KnownGraph.ITEM_SIZE_WITHOUT_COMPRESSED_OOPS;
    KnownGraphShape.checkItems(dump, itemSize, context());
    KnownGraphShape.checkStatics(dump, onlyClass(KnownGraph.class.getName()), scenario().allObjects(), context());
  }

  @Test
  void workloadClassesMatchTheHistogramExactly() {
    Map<String, Tally> reachable = ClassTallies.reachable(dump);
    for (String name : List.of(KnownGraph.ITEM_CLASS_NAME, KnownGraph.CYCLE_NODE_CLASS_NAME,
        KnownGraph.LOCAL_ONLY_CLASS_NAME, KnownGraph.WEAK_TARGET_CLASS_NAME)) {
      assertThat(ClassTallies.get(reachable, name)).as("%s: %s", context(), name)
          .isEqualTo(ClassTallies.get(histogram, name));
    }
    long itemSize = scenario().compressedOops()
        ? KnownGraph.ITEM_SIZE_COMPRESSED_OOPS
        : KnownGraph.ITEM_SIZE_WITHOUT_COMPRESSED_OOPS;
    assertThat(ClassTallies.get(histogram, KnownGraph.ITEM_CLASS_NAME).bytes()).as(context())
        .isEqualTo(itemSize * KnownGraph.ITEM_COUNT);
  }

  @Test
  void commonJdkClassesMatchTheHistogramExactly() {
    Map<String, Tally> mine = comparable();
    for (String name : COMMON_JDK_CLASSES) {
      assertThat(ClassTallies.get(histogram, name).instances()).as("%s: %s in the histogram", context(), name)
          .isPositive();
      assertThat(ClassTallies.get(mine, name)).as("%s: %s", context(), name).isEqualTo(ClassTallies.get(histogram, name));
    }
  }

  @Test
  void sizeModelIsDetected() {
    SizeModel model = dump.sizeModel();
    assertThat(model.referenceSize()).as(context()).isEqualTo(scenario().compressedOops() ? 4 : 8);
    assertThat(model.headerSize()).as(context()).isEqualTo(12);
    assertThat(model.alignment()).as(context()).isEqualTo(8);
    assertThat(dump.idSize()).as(context()).isEqualTo(8);
  }

  @Test
  void mainFrameRootsResolveToKnownGraphMain() {
    List<GcRoot> mainFrames = new ArrayList<>();
    for (GcRoot root : dump.roots()) {
      if (root.kind() == RootKind.JAVA_FRAME && "main".equals(root.threadName())) {
        mainFrames.add(root);
      }
    }
    String mainFrame = KnownGraph.class.getName() + ".main(KnownGraph.java:";
    List<GcRoot> localOnly = mainFrames.stream()
        .filter(root -> dump.typeName(root.object()).equals(KnownGraph.LOCAL_ONLY_CLASS_NAME)).toList();
    assertThat(localOnly).as("%s: main-thread frame roots %s", context(), mainFrames).hasSize(1);
    assertThat(localOnly.get(0).frame()).as(context()).startsWith(mainFrame).matches(".*:\\d+\\)");
    assertThat(localOnly.get(0).label()).as(context()).isEqualTo("<root: Java frame main " + localOnly.get(0).frame() + ">");
    assertThat(mainFrames).as(context())
        .anyMatch(root -> root.frame() != null && root.frame().startsWith("org.hpq.testkit.ChildJvmProtocol.awaitParent("));
    assertThat(dump.isRoot(localOnly.get(0).object())).as(context()).isTrue();
  }

  @Test
  void liveCountsEqualTheHistogram() {
    assumeFalse(scenario().allObjects(), "an -all dump holds garbage: see its own test");
    UnreachableCauses causes = UnreachableCauses.of(dump);
    Map<String, Tally> reachable = ClassTallies.reachable(dump);
    HistogramDiff diff = HistogramDiff.compare(reachable, histogram);
    String report = context() + "\n" + causes.summary() + diff.table();
    // The reader roots boot classes and hidden threads and adds the mirrors' .name,
    // .reflectionData and .classData edges: only unreferenced int[] stay unreachable.
    for (UnreachableCause cause : UnreachableCause.values()) {
      if (cause != UnreachableCause.UNREFERENCED_INT_ARRAY) {
        assertThat(causes.total(cause).instances()).as("%s\n%s", report, cause).isZero();
      }
    }
    long churn = 0;
    for (HistogramDiff.Row row : diff.countRows()) {
      String name = row.name();
      if (name.equals(CountAccounting.CLASS)) {
        assertThat(row.missingInstances()).as("%s\nmirrors the dump lacks", report).isEqualTo(danglingIds());
      } else if (name.equals("int[]") || name.equals(CountAccounting.FILLER)) {
        continue;
      } else {
        assertThat(CHURN).as("%s\nunexplained difference in %s", report, name).contains(name);
        churn += Math.abs(row.missingInstances());
      }
    }
    assertThat(churn).as(report).isLessThanOrEqualTo(CHURN_LIMIT);
    // Fillers (JDK 17: int[]; JDK 25: FillerElement[], dumped as int[]) and, with the archived
    // heap on JDK 25, the int[0] init locks of undumped mirrors: unreferenced in the dump.
    long histogramInts = ClassTallies.get(histogram, "int[]").instances()
        + ClassTallies.get(histogram, CountAccounting.FILLER).instances();
    assertThat(ClassTallies.get(ClassTallies.all(dump), "int[]").instances()).as(report).isEqualTo(histogramInts);
    if (!scenario().archivedHeap()) {
      assertThat(danglingIds()).as(report).isZero();
      assertThat(causes.total(UnreachableCause.UNREFERENCED_INT_ARRAY).instances()).as(report).isZero();
      assertThat(diff.countRows()).as(report).allMatch(row -> CHURN.contains(row.name()));
    }
  }

  @Test
  void missingMirrorsAreTheDanglingIds() {
    long dumped = ClassTallies.get(ClassTallies.all(dump), CountAccounting.CLASS).instances();
    assertThat(ClassTallies.get(histogram, CountAccounting.CLASS).instances() - dumped).as("%s %s", context(), dump.warnings())
        .isEqualTo(danglingIds());
    if (scenario().archivedHeap()) {
      assertThat(dump.warnings()).as(context())
          .anyMatch(warning -> warning.contains("held by 1 object (java.lang.Object[] 0x") && warning.contains("CDS archived heap"));
    }
  }

  @Test
  void instanceSizesMatchTheHistogram() {
    Map<String, Tally> all = ClassTallies.all(dump);
    int compared = 0;
    List<String> unexpected = new ArrayList<>();
    for (Map.Entry<String, Tally> entry : histogram.entrySet()) {
      String name = entry.getKey();
      Tally theirs = entry.getValue();
      Tally mine = ClassTallies.get(all, name);
      if (name.equals(CountAccounting.CLASS) || mine.instances() != theirs.instances()) {
        continue;
      }
      compared++;
      if (mine.bytes() != theirs.bytes()) {
        unexpected.add(name + ": reader " + mine + ", histogram " + theirs);
      }
    }
    assertThat(unexpected).as(context()).isEmpty();
    assertThat(compared).as(context()).isGreaterThan(200);
  }

  @Test
  void classMirrorBytesMatchTheHistogram() {
    Tally mine = ClassTallies.get(ClassTallies.all(dump), CountAccounting.CLASS);
    Tally theirs = ClassTallies.get(histogram, CountAccounting.CLASS);
    if (!scenario().archivedHeap()) {
      assertThat(mine).as(context()).isEqualTo(theirs);
      return;
    }
    // The undumped archived mirrors: each is at least a java.lang.Class instance.
    long missing = theirs.instances() - mine.instances();
    long smallest = onlyClass(CountAccounting.CLASS).instanceSize();
    assertThat(theirs.bytes() - mine.bytes()).as(context()).isGreaterThanOrEqualTo(missing * smallest);
  }

  @Test
  void vmHeldObjectsHaveLabelledEdgesAndRoots() {
    List<String> rootLabels = dump.roots().stream().map(GcRoot::label).toList();
    assertThat(rootLabels).as(context()).contains("<root: thread object Service Thread>", "<root: JNI local main>");
    for (JavaClass javaClass : dump.classes()) {
      if (javaClass.loaderIndex() < 0) {
        assertThat(dump.isRoot(javaClass.objectIndex())).as("%s: boot class %s", context(), javaClass.name()).isTrue();
      }
    }
    // The launcher's copy of the main class's name, and the mirror's own: one root, one .name edge.
    int mainClass = onlyClass(KnownGraph.class.getName()).objectIndex();
    List<String> namesOfMain = new ArrayList<>();
    for (int object = 0; object < dump.objectCount(); object++) {
      if (KnownGraph.class.getName().equals(dump.stringValue(object))) {
        for (long p = dump.inbound().start(object); p < dump.inbound().end(object); p++) {
          if (dump.inbound().neighbour(p) == mainClass) {
            namesOfMain.add(dump.labelText(dump.inboundLabel(p)));
          }
        }
      }
    }
    assertThat(namesOfMain).as(context()).containsExactly(".name");
    Map<String, Long> impliedLabels = new java.util.TreeMap<>();
    for (JavaClass javaClass : dump.classes()) {
      int object = javaClass.objectIndex();
      for (long p = dump.outbound().start(object); p < dump.outbound().end(object); p++) {
        int target = dump.outbound().neighbour(object, p);
        if (dump.kind(target) == org.hpq.hprof.ObjectKind.INSTANCE) {
          impliedLabels.merge(dump.typeName(target) + " " + edgeLabel(object, target), 1L, Long::sum);
        }
      }
    }
    assertThat(impliedLabels).as(context()).containsKeys("java.lang.String .name", "java.lang.ref.SoftReference .reflectionData");
  }

  @Test
  void hiddenClassesMeetTheirHistogramRows() {
    List<String> hidden = histogram.keySet().stream().filter(name -> name.contains("/0x")).toList();
    assertThat(hidden).as("%s: the workload's process handling spins a lambda", context()).isNotEmpty();
    Set<String> readerNames = new java.util.HashSet<>();
    for (JavaClass javaClass : dump.classes()) {
      readerNames.add(javaClass.name());
    }
    assertThat(readerNames).as(context()).containsAll(hidden).noneMatch(name -> name.contains("+0x"));
  }

  /** Distinct ids that references in the dump name but the dump lacks, from the reader's warning; 0 if none. */
  long danglingIds() {
    for (String warning : dump.warnings()) {
      java.util.regex.Matcher matcher =
          java.util.regex.Pattern.compile("^\\d+ references to (\\d+) distinct ids that are not in the dump").matcher(warning);
      if (matcher.find()) {
        return Long.parseLong(matcher.group(1));
      }
    }
    return 0;
  }

  /** The label of the edge from {@code source} to {@code target}, through the inbound lists. */
  String edgeLabel(int source, int target) {
    for (long p = dump.inbound().start(target); p < dump.inbound().end(target); p++) {
      if (dump.inbound().neighbour(p) == source) {
        return dump.labelText(dump.inboundLabel(p));
      }
    }
    return "";
  }

  /** The dumped class named {@code name} (one loader). */
  JavaClass onlyClass(String name) {
    List<JavaClass> classes = dump.classesNamed(name);
    assertThat(classes).as("%s: classes named %s", context(), name).hasSize(1);
    return classes.get(0);
  }
}
