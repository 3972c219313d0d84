package org.dialsim.sim;

/**
 * One of {@code count} shares of a run's work, for running it as separate processes (a Slurm
 * job array, a Kubernetes Indexed Job) and merging the parts afterwards.
 *
 * <p>The rule (fixed, and part of the partial-result format): the work items are the run's
 * replications of every job, numbered from 0 in job order (sweep points in sweep order, and
 * within a point the configurations as written) and by replication within a job, so with R
 * replications per job, replication r of job j is item {@code k = j * R + r}. Shard
 * {@code index} runs the items with {@code k mod count == index}. Round-robin spreads an
 * expensive sweep point over every shard. A replication draws from the streams of (seed, r)
 * whichever shard runs it, so the merged counts are those of an unsharded run for any
 * {@code count}.
 *
 * @param index which share, from 0
 * @param count how many shares
 */
public record Shard(int index, int count) {
  /** All of the work in one share. */
  public static final Shard WHOLE = new Shard(0, 1);

  /** Checks {@code 0 <= index < count}. */
  public Shard {
    if (count < 1 || index < 0 || index >= count) {
      throw new IllegalArgumentException("shard " + index + " of " + count + ": need 0 <= index < count");
    }
  }

  /**
   * The first replication of a job this shard runs; it then runs every {@code count}-th.
   *
   * @param firstItem the job's first item number (the replications of all jobs before it)
   */
  int firstReplication(long firstItem) {
    return (int) Math.floorMod(index - firstItem, (long) count);
  }

  /** How many of a job's {@code replications} this shard runs, the job starting at {@code firstItem}. */
  int replications(long firstItem, int replications) {
    int first = firstReplication(firstItem);
    return first >= replications ? 0 : (replications - first + count - 1) / count;
  }

  /** The replication of the job run as this shard's {@code m}-th of it. */
  int replication(long firstItem, int m) {
    return firstReplication(firstItem) + m * count;
  }

  /** {@code i/n}, as written on the command line. */
  @Override
  public String toString() {
    return index + "/" + count;
  }
}
