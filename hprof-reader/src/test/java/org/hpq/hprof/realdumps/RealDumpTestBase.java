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
  void everyLiveCountDifferenceHasAKnownCause() {
    assumeFalse(scenario().allObjects(), "an -all dump holds garbage: see its own test");
    UnreachableCauses causes = UnreachableCauses.of(dump);
    HistogramDiff diff = HistogramDiff.compare(ClassTallies.reachable(dump), histogram);
    String report = context() + "\n" + causes.summary() + diff.table();
    // Exact after fix: each cause's count drops to 0 as the reader learns the VM's implicit edges.
    assertThat(causes.total(UnreachableCause.OTHER).instances()).as(report).isZero();
    CountAccounting accounting = CountAccounting.of(dump, histogram, causes);
    assertThat(accounting.missingMirrors()).as(report).isNotNegative();
    if (!scenario().archivedHeap()) {
      assertThat(accounting.missingMirrors()).as(report).isZero();
      assertThat(accounting.fillers()).as(report).isZero();
    }
    long churn = 0;
    for (Map.Entry<String, Long> entry : accounting.residual().entrySet()) {
      assertThat(CHURN).as("%s\nunexplained residual %s", report, accounting.residual()).contains(entry.getKey());
      churn += Math.abs(entry.getValue());
    }
    assertThat(churn).as(report).isLessThanOrEqualTo(CHURN_LIMIT);
  }

  @Test
  void instanceSizesMatchTheHistogramButForInjectedFieldsAndPadding() {
    Map<String, Tally> all = ClassTallies.all(dump);
    Map<String, Long> deltas = KnownSizeDeltas.of(taken.result().javaMajorVersion(), scenario().compressedOops());
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
      long perInstance = (theirs.bytes() - mine.bytes()) / theirs.instances();
      boolean even = (theirs.bytes() - mine.bytes()) % theirs.instances() == 0;
      // Exact after fix: the known delta becomes 0 once injected fields and @Contended are modelled.
      if (!even || (perInstance != 0 && perInstance != deltas.getOrDefault(name, 0L))) {
        unexpected.add(name + ": reader " + mine + ", histogram " + theirs);
      }
    }
    assertThat(unexpected).as(context()).isEmpty();
    assertThat(compared).as(context()).isGreaterThan(200);
  }

  @Test
  void classMirrorBytesAreBoundedByTheHistogram() {
    long mirrors = 0;
    long modelled = 0;
    for (int object = 0; object < dump.objectCount(); object++) {
      if (dump.typeName(object).equals(CountAccounting.CLASS)) {
        mirrors += dump.shallowSize(object);
        modelled += MirrorSizes.size(dump.classAtOrNull(object), dump.sizeModel(), 112);
      }
    }
    Tally theirs = ClassTallies.get(histogram, CountAccounting.CLASS);
    // Exact after fix (without archived mirrors): the reader's mirror sizes miss the injected
    // fields of java.lang.Class and count the synthetic <resolved_references> and <init_lock>.
    assertThat(mirrors).as(context()).isLessThan(theirs.bytes());
    assertThat(modelled).as(context()).isLessThanOrEqualTo(theirs.bytes());
  }

  @Test
  void hiddenClassesMeetTheirHistogramRows() {
    List<String> hidden = histogram.keySet().stream().filter(name -> name.contains("/0x")).toList();
    assertThat(hidden).as("%s: the workload's process handling spins a lambda", context()).isNotEmpty();
    Set<String> readerNames = new java.util.HashSet<>();
    long plusSpelled = 0;
    for (JavaClass javaClass : dump.classes()) {
      readerNames.add(HiddenClassNames.asClassGetName(javaClass.name()));
      plusSpelled += HiddenClassNames.hasPlusSuffix(javaClass.name()) ? 1 : 0;
    }
    assertThat(readerNames).as(context()).containsAll(hidden);
    // Exact after fix: HPROF spells hidden classes Name+0x..., Class.getName() Name/0x...; once the
    // reader converts, plusSpelled is 0 and no test needs HiddenClassNames.
    assertThat(plusSpelled).as(context()).isLessThanOrEqualTo(readerNames.stream().filter(n -> n.contains("/0x")).count());
  }

  /** The dumped class named {@code name} (one loader). */
  JavaClass onlyClass(String name) {
    List<JavaClass> classes = dump.classesNamed(name);
    assertThat(classes).as("%s: classes named %s", context(), name).hasSize(1);
    return classes.get(0);
  }
}
