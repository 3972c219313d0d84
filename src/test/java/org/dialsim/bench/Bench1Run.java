package org.dialsim.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whole-process speed of {@code dialsim run} on model bench-1 against {@link ReferenceBench1},
 * the same model written by hand: each timed as a whole process with the same heap flags, runs
 * alternated (dialsim on one thread, the reference, dialsim on two threads), the median of the
 * per-pair ratios reported, because this machine is shared and one absolute time says little.
 * It then checks dialsim's numbers against the model's closed form.
 *
 * <p>Run after {@code mvn -B -q package -DskipTests}:
 * {@code mvn -B -q -Pbench test-compile exec:exec -Dbench.main=org.dialsim.bench.Bench1Run -Dbench.args=3}
 * (the argument is the number of pairs, 3 by default).
 */
public final class Bench1Run {
  private static final List<String> HEAP = List.of("-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch");

  private Bench1Run() {}

  /** Runs the comparison; see the class comment. */
  public static void main(String[] args) throws Exception {
    int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    Path jar = Path.of("target/dialsim.jar");
    Path scenario = Path.of("src/test/resources/bench/bench-1.yaml");
    if (!Files.exists(jar)) {
      throw new IllegalStateException(jar + " is missing: run mvn -B -q package -DskipTests first");
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path out = Files.createTempDirectory("dialsim-bench1");
    String classes = Path.of("target/test-classes").toString();
    double[] one = new double[pairs];
    double[] ref = new double[pairs];
    double[] two = new double[pairs];
    for (int i = 0; i < pairs; i++) {
      one[i] = time(command(java, "-jar", jar.toString(), "run", scenario.toString(), "--threads", "1", "--quiet",
          "--out", out.resolve("t1").toString()));
      ref[i] = time(command(java, "-cp", classes, ReferenceBench1.class.getName(), "20000", "50", "2"));
      two[i] = time(command(java, "-jar", jar.toString(), "run", scenario.toString(), "--threads", "2", "--quiet",
          "--out", out.resolve("t2").toString()));
    }
    double[] ratio = new double[pairs];
    double[] scale = new double[pairs];
    for (int i = 0; i < pairs; i++) {
      ratio[i] = ref[i] / one[i];
      scale[i] = one[i] / two[i];
    }
    System.out.printf(Locale.ROOT, "dialsim 1 thread %.2f s, 2 threads %.2f s; plain Java %.2f s%n",
        median(one), median(two), median(ref));
    System.out.printf(Locale.ROOT, "speed vs plain Java: %.2fx; 1 -> 2 threads: %.2fx%n", median(ratio), median(scale));
    List<String> csv = Files.readAllLines(out.resolve("t1").resolve("results.csv"));
    List<String> header = List.of(csv.get(0).split(","));
    double seqFailure = Double.NaN;
    double stgEstablish = Double.NaN;
    for (String line : csv.subList(1, csv.size())) {
      String[] f = line.split(",");
      if (f[0].equals("sequential")) {
        seqFailure = Double.parseDouble(f[header.indexOf("call_failure_rate")]);
      } else if (f[0].equals("staggered")) {
        stgEstablish = Double.parseDouble(f[header.indexOf("establish_s_mean")]);
      }
    }
    // closed forms: P(first two addresses both blackholed) = 2/4 x 1/3 = 1/6; staggered mean
    // establishment E[RTT] + 1/3 x 0.25 + 1/6 x 0.5 with E[RTT] = 0.020 x exp(sigma^2 / 2) = 25.0 ms
    System.out.printf(Locale.ROOT, "model check: sequential call_failure_rate %.4f (closed form 0.1667), "
        + "staggered establish_s_mean %.4f (closed form 0.1917)%n", seqFailure, stgEstablish);
  }

  private static List<String> command(String java, String... rest) {
    List<String> c = new ArrayList<>();
    c.add(java);
    c.addAll(HEAP);
    c.addAll(List.of(rest));
    return c;
  }

  private static double time(List<String> command) throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    int exit = p.waitFor();
    double s = (System.nanoTime() - t0) / 1e9;
    if (exit != 0) {
      throw new IllegalStateException("exit " + exit + ": " + String.join(" ", command));
    }
    return s;
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    java.util.Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }
}
