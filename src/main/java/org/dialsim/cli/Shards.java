package org.dialsim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dialsim.report.PartialResult;
import org.dialsim.scenario.LoadedScenario;
import org.dialsim.scenario.Scenario;
import org.dialsim.scenario.ScenarioException;
import org.dialsim.scenario.ScenarioLoader;
import org.dialsim.sim.Experiment;
import org.dialsim.sim.Runner;
import org.dialsim.sim.Shard;
import org.dialsim.model.Limits;
import org.dialsim.stats.Tally;

/** {@code run --shard}: which shard to run, running it, and where its partial result goes. */
final class Shards {
  /** Slurm job arrays: the task's index and the array's task count. */
  static final String SLURM_INDEX = "SLURM_ARRAY_TASK_ID";
  /** See {@link #SLURM_INDEX}. */
  static final String SLURM_COUNT = "SLURM_ARRAY_TASK_COUNT";
  /** Kubernetes Indexed Jobs: the pod's completion index (the count is the Job's completions). */
  static final String K8S_INDEX = "JOB_COMPLETION_INDEX";
  private static final Pattern FRACTION = Pattern.compile("(\\d{1,9})/(\\d{1,9})");

  private Shards() {}

  /**
   * The shard that {@code --shard SPEC} and {@code --shards COUNT} name, or null for a whole
   * run. {@code env} reads the index from Slurm's or Kubernetes' variables; a given
   * {@code --shards} wins over {@code SLURM_ARRAY_TASK_COUNT}, because rerunning some tasks
   * ({@code sbatch --array=3,5}) makes an array of fewer tasks than the run has shards.
   *
   * @throws IllegalArgumentException with the message for the user (a usage error)
   */
  static Shard resolve(String spec, Integer count, Map<String, String> env) {
    if (count != null && (count < 1 || count > Limits.MAX_SHARDS)) {
      throw new IllegalArgumentException("--shards must be between 1 and " + Limits.MAX_SHARDS + ", was " + count);
    }
    if (spec == null) {
      if (count != null) {
        throw new IllegalArgumentException("--shards " + count + " goes with --shard env; add it, or give --shard i/" + count);
      }
      return null;
    }
    if (spec.equals("env")) {
      return fromEnvironment(count, env);
    }
    Matcher m = FRACTION.matcher(spec);
    if (!m.matches()) {
      throw new IllegalArgumentException("--shard must be i/n (shard i of n, counted from 0, e.g. 0/4) or env, was \"" + spec + "\"");
    }
    int i = Integer.parseInt(m.group(1));
    int n = Integer.parseInt(m.group(2));
    if (n < 1 || n > Limits.MAX_SHARDS) {
      throw new IllegalArgumentException("--shard " + spec + ": n must be between 1 and " + Limits.MAX_SHARDS);
    }
    if (i >= n) {
      throw new IllegalArgumentException("--shard " + spec + ": i counts from 0, so it must be below n (0/" + n + " to "
          + (n - 1) + "/" + n + ")");
    }
    if (count != null && count != n) {
      throw new IllegalArgumentException("--shards " + count + " disagrees with --shard " + spec + "; give only --shard " + spec);
    }
    return new Shard(i, n);
  }

  private static Shard fromEnvironment(Integer count, Map<String, String> env) {
    String slurm = env.get(SLURM_INDEX);
    String k8s = env.get(K8S_INDEX);
    String variable;
    int i;
    int n;
    if (slurm != null) {
      variable = SLURM_INDEX;
      i = number(SLURM_INDEX, slurm);
      if (count != null) {
        n = count;
      } else if (env.get(SLURM_COUNT) != null) {
        n = number(SLURM_COUNT, env.get(SLURM_COUNT));
      } else {
        throw new IllegalArgumentException("--shard env: " + SLURM_INDEX + " is set but " + SLURM_COUNT
            + " is not (Slurm sets both in a job array); add --shards N");
      }
    } else if (k8s != null) {
      variable = K8S_INDEX;
      i = number(K8S_INDEX, k8s);
      if (count == null) {
        throw new IllegalArgumentException("--shard env: " + K8S_INDEX + " gives only the index; add --shards N with N the"
            + " Job's completions");
      }
      n = count;
    } else {
      throw new IllegalArgumentException("--shard env: neither " + SLURM_INDEX + " (a Slurm job array) nor " + K8S_INDEX
          + " (a Kubernetes Indexed Job) is set; outside such a job give --shard i/n");
    }
    if (n < 1 || n > Limits.MAX_SHARDS) {
      throw new IllegalArgumentException("--shard env: the shard count " + n + " must be between 1 and " + Limits.MAX_SHARDS);
    }
    if (i >= n) {
      throw new IllegalArgumentException("--shard env: " + variable + " is " + i + ", not below the shard count " + n
          + "; number the tasks from 0 (sbatch --array=0-" + (n - 1) + ")");
    }
    return new Shard(i, n);
  }

  private static int number(String variable, String value) {
    if (!value.matches("\\d{1,9}")) {
      throw new IllegalArgumentException("--shard env: " + variable + " is \"" + value + "\", not a task index");
    }
    return Integer.parseInt(value);
  }

  /**
   * Where a shard's part goes: {@code --out NAME.json} as named, else {@code shard-i-of-n.json}
   * in {@code --out DIR} (its scenario's folder inside it with several scenarios) or, by
   * default, in {@code reports/<scenario name>-shards/}, beside the folder merge writes.
   */
  static Path partFile(Path out, String scenarioName, Shard shard, boolean several) {
    String file = PartialResult.fileName(shard.index(), shard.count());
    if (out == null) {
      return Path.of("reports", scenarioName + "-shards", file);
    }
    if (isFile(out)) {
      return out;
    }
    return (several ? out.resolve(scenarioName) : out).resolve(file);
  }

  /** True when {@code --out} names a part file rather than a folder. */
  static boolean isFile(Path out) {
    return out.getFileName() != null && out.getFileName().toString().endsWith(".json");
  }

  /** Runs {@code shard} of a scenario with the options' seed and replications; returns its part. */
  static PartialResult simulate(LoadedScenario ls, RunOptions options, Shard shard) throws IOException {
    Scenario first = ls.points().get(0);
    long seed = options.seedFor(first);
    int replications = options.replicationsFor(first);
    String text = ls.text(); // exactly what was loaded, so merge rebuilds this very scenario from it
    ProgressBar bar = ProgressBar.forTerminal(options.quiet, first.name() + " " + shard);
    List<Tally> tallies = Experiment.tallies(ls.points(), seed, replications, shard, options.threads(), bar);
    if (bar != null) {
      bar.finish();
    }
    List<Runner.Job> jobs = Experiment.jobs(ls.points(), seed, replications);
    List<PartialResult.Job> parts = new ArrayList<>();
    for (int j = 0; j < jobs.size(); j++) {
      parts.add(new PartialResult.Job(jobs.get(j).configuration().name(), jobs.get(j).point(), tallies.get(j).counts()));
    }
    return new PartialResult(Version.get(), PartialResult.fingerprint(ls.resolvedJson(), seed, replications), first.name(),
        ls.file().toString(), seed, replications, shard.count(), List.of(shard.index()), parts, text);
  }
}
