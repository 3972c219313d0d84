package org.dialsim.report;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.dialsim.stats.Tally;

/**
 * Merges partial results of one run into one part: checks that they belong together (one
 * version, one fingerprint, one shard count, no shard twice) and adds their counts. Counts are
 * integers, so any grouping and order of merges gives the same part, byte for byte.
 */
public final class MergeParts {
  private MergeParts() {}

  /**
   * A part and the file it was read from.
   *
   * @param file the file as given (for messages)
   * @param part its content
   */
  public record Named(String file, PartialResult part) {}

  /**
   * The part holding every shard of {@code parts}, or every problem that forbids it.
   *
   * @param parts the parts in the order given (a file given twice holds its shards twice); at least one
   * @param version this dialsim's version: merge reloads the scenario as the shards did, so the
   *     parts must come from it
   */
  public static PartialResult merge(List<Named> parts, String version) throws PartException {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("nothing to merge");
    }
    List<String> problems = new ArrayList<>();
    Named first = parts.get(0);
    PartialResult head = first.part();
    // shard index -> the file that holds it
    TreeMap<Integer, String> holder = new TreeMap<>();
    for (Named named : parts) {
      String file = named.file();
      PartialResult p = named.part();
      if (!p.version().equals(version)) {
        problems.add(file + ": written by dialsim " + p.version() + ", but this is dialsim " + version
            + "; merge with the dialsim that ran the shards");
        continue;
      }
      if (!p.fingerprint().equals(head.fingerprint())) {
        problems.add(file + ": not a part of the same run as " + first.file() + ": " + difference(p, head)
            + "; merge the parts of one run only");
        continue;
      }
      if (p.shardCount() != head.shardCount()) {
        problems.add(file + ": one of " + p.shardCount() + " shards, but " + first.file() + " is one of "
            + head.shardCount() + "; merge the parts of one split (the same --shard i/n)");
        continue;
      }
      if (!p.scenarioFile().equals(head.scenarioFile()) || !p.scenarioText().equals(head.scenarioText())) {
        // the report names the file and may show its text: either taken from one part would
        // make the merged bytes depend on the order of the parts
        problems.add(file + ": ran " + p.scenarioFile() + ", but " + first.file() + " ran " + head.scenarioFile()
            + (p.scenarioFile().equals(head.scenarioFile()) ? " with other text (comments or layout)" : "")
            + "; run every shard with the same scenario file, named the same way");
        continue;
      }
      if (!sameJobs(p, head)) {
        problems.add(file + ": its configurations or sweep points differ from those of " + first.file()
            + " under the same fingerprint, so it was changed after it was written; run that shard again");
        continue;
      }
      for (int i : p.shards()) {
        String before = holder.putIfAbsent(i, file);
        if (before != null) {
          problems.add("shard " + i + " of " + p.shardCount() + " is in both " + before + " and " + file
              + "; give each shard once");
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new PartException(String.join("\n", problems), false);
    }
    List<PartialResult.Job> jobs = new ArrayList<>();
    for (int j = 0; j < head.jobs().size(); j++) {
      PartialResult.Job job = head.jobs().get(j);
      Tally sum = new Tally(job.counts().callsByIndex().length);
      for (Named p : parts) {
        sum.merge(Tally.of(p.part().jobs().get(j).counts()));
      }
      jobs.add(new PartialResult.Job(job.configuration(), job.point(), sum.counts()));
    }
    return new PartialResult(head.version(), head.fingerprint(), head.scenarioName(), head.scenarioFile(), head.seed(),
        head.replications(), head.shardCount(), new ArrayList<>(holder.keySet()), jobs, head.scenarioText());
  }

  /** How two runs differ, in the user's terms where it can say. */
  private static String difference(PartialResult a, PartialResult b) {
    if (!a.scenarioName().equals(b.scenarioName())) {
      return "it is of scenario " + a.scenarioName() + ", not " + b.scenarioName();
    }
    if (a.seed() != b.seed()) {
      return "it ran with seed " + a.seed() + ", not " + b.seed();
    }
    if (a.replications() != b.replications()) {
      return "it ran " + a.replications() + " replications, not " + b.replications();
    }
    return "the scenario " + a.scenarioName() + " was changed between them (fingerprints "
        + a.fingerprint() + " and " + b.fingerprint() + ")";
  }

  private static boolean sameJobs(PartialResult a, PartialResult b) {
    if (a.jobs().size() != b.jobs().size()) {
      return false;
    }
    for (int j = 0; j < a.jobs().size(); j++) {
      PartialResult.Job x = a.jobs().get(j);
      PartialResult.Job y = b.jobs().get(j);
      if (!x.configuration().equals(y.configuration()) || !x.point().equals(y.point())
          || x.counts().callsByIndex().length != y.counts().callsByIndex().length) {
        return false;
      }
    }
    return true;
  }
}
