package org.hpq.hprof.fuzz;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs one fuzz test outside Maven, for long runs on a snapshot of the compiled classes (so that a
 * rebuild of the working tree cannot disturb a run of many minutes):
 *
 * <pre>
 * JAZZER_FUZZ=1 java -cp SNAPSHOT org.hpq.hprof.fuzz.FuzzLauncher org.hpq.hprof.fuzz.HprofParserFuzzTest#parse \
 *     jazzer.instrument=org.hpq.** jazzer.max_duration=10m
 * </pre>
 *
 * The first argument is a method ({@code Class#method(types)}) or a whole class. Arguments after it are JUnit configuration parameters ({@code key=value}). Findings are
 * written under {@code src/test/resources} of the working directory, the generated corpus under
 * {@code .cifuzz-corpus}. Exits 0 when the run found nothing, 1 otherwise.
 */
public final class FuzzLauncher {
  private FuzzLauncher() {}

  public static void main(String[] arguments) {
    Map<String, String> parameters = new HashMap<>();
    for (int i = 1; i < arguments.length; i++) {
      int equals = arguments[i].indexOf('=');
      parameters.put(arguments[i].substring(0, equals), arguments[i].substring(equals + 1));
    }
    LauncherDiscoveryRequest request =
        LauncherDiscoveryRequestBuilder.request()
            .selectors(
                arguments[0].contains("#")
                    ? DiscoverySelectors.selectMethod(arguments[0])
                    : DiscoverySelectors.selectClass(arguments[0]))
            .configurationParameters(parameters)
            .build();
    Launcher launcher = LauncherFactory.create();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    launcher.execute(request, listener);
    TestExecutionSummary summary = listener.getSummary();
    summary.printTo(new PrintWriter(System.out, true));
    summary.printFailuresTo(new PrintWriter(System.out, true), 40);
    System.exit(summary.getTotalFailureCount() == 0 ? 0 : 1);
  }
}
