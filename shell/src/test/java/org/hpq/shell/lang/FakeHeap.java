package org.hpq.shell.lang;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.hpq.shell.lang.value.IntValue;

/**
 * A toy {@code hp}: {@code heap()} (pure), {@code Type(name)} with class-name completion,
 * {@code Nothing}, {@code slow()} that runs until cancelled and {@code effect()} that counts
 * its calls (impure).
 */
final class FakeHeap implements ShellValue {
  static final List<String> CLASS_NAMES =
      List.of("java.lang.String", "java.util.HashMap", "java.util.HashSet", "java.util.ArrayList");

  final CountDownLatch slowStarted = new CountDownLatch(1);
  final CountDownLatch stubbornStarted = new CountDownLatch(1);
  final CountDownLatch stubbornRelease = new CountDownLatch(1);
  final AtomicInteger effects = new AtomicInteger();

  private final ShellType<FakeHeap> type =
      ShellType.builder("Heap", FakeHeap.class)
          .summary("the toy heap (hp)")
          .method(Method.<FakeHeap>of("heap", "heap()", "the reachable objects",
              (hp, arguments) -> FakeSet.of(0, 1, 2, 3, 4, 5, 6)).asPure())
          .property("Nothing", "the empty set", hp -> FakeSet.of())
          .method(Method.<FakeHeap>of("Type", "Type(name)", "objects of class name",
                  (hp, arguments) -> {
                    String name = arguments.expect("Type", 1, 1).getString(0);
                    int position = CLASS_NAMES.indexOf(name);
                    if (position < 0) {
                      throw new EvaluationError("no class named '" + name + "'");
                    }
                    return FakeSet.of(position * 2, position * 2 + 1);
                  })
              .asPure()
              .withCompleter((slot, prefix) ->
                  CLASS_NAMES.stream().filter(name -> name.startsWith(prefix)).toList()))
          .method(Method.<FakeHeap>of("slow", "slow()", "runs until cancelled", (hp, arguments) -> hp.slow()))
          .method(Method.<FakeHeap>of("stubborn", "stubborn()", "ignores cancellation until released",
              (hp, arguments) -> hp.stubborn()))
          .method(Method.<FakeHeap>of("effect", "effect()", "counts calls (has a side effect)",
              (hp, arguments) -> IntValue.of(hp.effects.incrementAndGet())))
          .build();

  private ShellValue slow() {
    slowStarted.countDown();
    while (true) {
      CancellationToken.checkpoint();
      Thread.onSpinWait();
    }
  }

  private ShellValue stubborn() {
    stubbornStarted.countDown();
    boolean interrupted = false;
    while (true) {
      try {
        stubbornRelease.await();
        break;
      } catch (InterruptedException ignored) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return IntValue.of(99);
  }

  @Override
  public ShellType<FakeHeap> type() {
    return type;
  }

  @Override
  public String repr() {
    return "<hp>";
  }
}
