package org.dialsim.cli;

import java.nio.file.Path;
import org.dialsim.scenario.Scenario;
import picocli.CommandLine.Option;

/** Options shared by the commands that run scenarios. */
public final class RunOptions {
  @Option(names = "--out", paramLabel = "DIR",
      description = "Output folder (default: reports/<scenario name>/). With several scenarios, each goes to DIR/<scenario name>/.")
  Path out;

  @Option(names = "--seed", paramLabel = "N", description = "Seed for every random stream (default: the scenario's `seed`).")
  Long seed;

  @Option(names = "--replications", paramLabel = "N", description = "Replications per configuration (default: the scenario's `replications`).")
  Integer replications;

  @Option(names = "--threads", paramLabel = "N",
      description = "Worker threads (default: all cores; fewer when the heap cannot hold every client's tables once"
          + " per thread). Results are identical for any value.")
  Integer threads;

  @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors.")
  boolean quiet;

  /** The seed to run {@code s} with: {@code --seed}, else the scenario's. */
  long seedFor(Scenario s) {
    return seed != null ? seed : s.seed();
  }

  /** Replications per configuration and point for {@code s}: {@code --replications}, else the scenario's. */
  int replicationsFor(Scenario s) {
    return replications != null ? replications : s.replications();
  }

  /** Threads to use. */
  int threads() {
    return threads != null ? threads : Runtime.getRuntime().availableProcessors();
  }
}
