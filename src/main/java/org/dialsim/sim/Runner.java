package org.dialsim.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.dialsim.model.Topology;
import org.dialsim.stack.Configuration;
import org.dialsim.stats.Metrics;
import org.dialsim.stats.Tally;

/**
 * Runs jobs (one configuration at one sweep point, many replications) with replications spread
 * over threads. Replication r uses the streams of r whatever thread runs it, and tallies merge
 * exactly in any order, so the results are the same for any thread count.
 */
public final class Runner {
  /**
   * One configuration at one point.
   *
   * @param topology the world at this point
   * @param configuration the stack under test
   * @param point swept values (path to value as written)
   * @param seed the scenario seed
   * @param replications how many
   */
  public record Job(Topology topology, Configuration configuration, Map<String, String> point, long seed, int replications) {}

  /**
   * The metrics of one job.
   *
   * @param job what ran
   * @param metrics its metrics
   * @param events events the engine processed
   * @param firstFailed its first failed call ({@link FirstFailure}), or null when none failed or
   *     the run did not watch for it (a merge of parts)
   */
  public record Result(Job job, Metrics metrics, long events, CallSearch.Found firstFailed) {}

  /** Told how many replications of all jobs are done. */
  @FunctionalInterface
  public interface Progress {
    /** Called from worker threads after each chunk. */
    void advance(long done, long total);
  }

  private Runner() {}

  /** Runs every job on {@code threads} threads (1 runs on the caller's thread). */
  public static List<Result> run(List<Job> jobs, int threads, Progress progress) {
    List<Totals> totals = runShard(jobs, Shard.WHOLE, threads, progress);
    List<Result> results = new ArrayList<>();
    for (int j = 0; j < jobs.size(); j++) {
      Totals t = totals.get(j);
      results.add(new Result(jobs.get(j), t.tally.metrics(), t.events.get(), t.first.found()));
    }
    return results;
  }

  /**
   * Runs {@code shard}'s replications of the jobs (see {@link Shard} for which) and returns each
   * job's tally, in job order, before it becomes metrics: for a partial result.
   */
  public static List<Tally> tallies(List<Job> jobs, Shard shard, int threads, Progress progress) {
    return runShard(jobs, shard, threads, progress).stream().map(Totals::tally).toList();
  }

  private static List<Totals> runShard(List<Job> jobs, Shard shard, int threads, Progress progress) {
    long total = 0;
    long firstItem = 0;
    for (Job job : jobs) {
      total += shard.replications(firstItem, job.replications());
      firstItem += job.replications();
    }
    Done done = new Done(new AtomicLong(), total, progress);
    List<Totals> totals = new ArrayList<>();
    List<Runnable> chunks = new ArrayList<>();
    // each thread holds a world of its own: no more threads than worlds fit in half the heap
    int pool = threads <= 1 ? 1 : worldsThatFit(jobs, threads);
    // too few replications to keep every thread busy: where clients are independent, each
    // replication is split into parts of its clients, which run on any thread and add up to it
    boolean split = pool > 1 && total < 2L * pool;
    firstItem = 0;
    for (Job job : jobs) {
      Plan plan = new Plan(job.topology(), job.configuration().stack());
      Totals t = new Totals(new Tally(job.topology().workload().callsPerClient()));
      totals.add(t);
      Share share = new Share(shard, firstItem);
      int mine = shard.replications(firstItem, job.replications());
      int clients = job.topology().workload().clients();
      if (split && plan.clientsIndependent()) {
        int parts = Math.min(clients, pool);
        for (int m = 0; m < mine; m++) {
          Parts whole = new Parts(new Tally(job.topology().workload().callsPerClient()), parts, t, done);
          for (int p = 0; p < parts; p++) {
            chunks.add(new Part(plan, job, share.replication(m), (int) ((long) clients * p / parts),
                (int) ((long) clients * (p + 1) / parts), whole)::run);
          }
        }
      } else {
        int size = Math.max(1, mine / (pool * 8));
        for (int from = 0; from < mine; from += size) {
          chunks.add(new Chunk(plan, job, share, from, Math.min(mine, from + size), t, done)::run);
        }
      }
      firstItem += job.replications();
    }
    if (pool <= 1) {
      chunks.forEach(Runnable::run);
    } else {
      runOnPool(chunks, pool);
    }
    return totals;
  }

  /**
   * How many of the jobs' worlds fit in half the heap at once, at most {@code threads}: a world's
   * tables grow with its clients (a few hundred bytes each), and each thread builds its own, so
   * 100 000 clients on 16 threads would need 16 copies. Measured on a world of the job with the
   * most clients.
   */
  private static int worldsThatFit(List<Job> jobs, int threads) {
    Job largest = null;
    for (Job job : jobs) {
      if (largest == null || job.topology().workload().clients() > largest.topology().workload().clients()) {
        largest = job;
      }
    }
    if (largest == null) {
      return 1;
    }
    long bytes = new World(new Plan(largest.topology(), largest.configuration().stack()), largest.seed()).tableBytes();
    long fit = Runtime.getRuntime().maxMemory() / 2 / Math.max(1, bytes);
    return (int) Math.max(1, Math.min(threads, fit));
  }

  private static void runOnPool(List<Runnable> chunks, int threads) {
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "dialsim-worker");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (Runnable c : chunks) {
        futures.add(pool.submit(c));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(cause);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * A job's running totals. Chunks fold into it as they finish, in whatever order threads
   * finish them: every count is an integer (and the histogram's are too), so the sum is the
   * same in any order, and only one finished tally per job is ever kept.
   */
  private record Totals(Tally tally, AtomicLong events, FirstFailure first) {
    Totals(Tally tally) {
      this(tally, new AtomicLong(), new FirstFailure());
    }

    void add(Tally part, FirstFailure partFirst, long partEvents) {
      synchronized (tally) {
        tally.merge(part);
        first.offer(partFirst);
      }
      events.addAndGet(partEvents);
    }
  }

  /**
   * What a run hands its calls to: the tally, and each failed call offered as the job's first
   * failure, so the report tells that call without searching for it again.
   */
  private static final class Counted implements CallSink {
    final Tally tally;
    final FirstFailure first = new FirstFailure();
    private final World world;
    int replication;

    Counted(Tally tally, World world) {
      this.tally = tally;
      this.world = world;
    }

    @Override
    public void call(int client, int index, boolean connected, long establishNs, int attempts, long wastedNs) {
      tally.call(client, index, connected, establishNs, attempts, wastedNs);
      if (!connected) {
        first.offer(replication, world.now(), client, index);
      }
    }
  }

  /**
   * The parts of one replication as they finish, on whichever threads: the last one closes the
   * replication and adds it to the job's totals, so its spread between replications is that of
   * a replication run whole.
   */
  private static final class Parts {
    private final Tally replication;
    private final FirstFailure first = new FirstFailure();
    private int left;
    private long events;
    private final Totals totals;
    private final Done done;

    Parts(Tally replication, int parts, Totals totals, Done done) {
      this.replication = replication;
      this.left = parts;
      this.totals = totals;
      this.done = done;
    }

    void add(Counted part, long partEvents) {
      synchronized (this) {
        replication.mergePart(part.tally);
        first.offer(part.first);
        events += partEvents;
        if (--left > 0) {
          return;
        }
        replication.replicationDone();
      }
      done.add(totals, replication, first, events, 1);
    }
  }

  /** Clients {@code from} to {@code to - 1} of one replication of a job. */
  private record Part(Plan plan, Job job, int replication, int from, int to, Parts whole) {
    void run() {
      World world = new World(plan, job.seed());
      Counted part = new Counted(new Tally(job.topology().workload().callsPerClient()), world);
      part.replication = replication;
      world.run(replication, part, from, to);
      whole.add(part, world.eventsProcessed());
    }
  }

  /** A shard's replications of one job, the job's items starting at {@code firstItem}. */
  private record Share(Shard shard, long firstItem) {
    int replication(int m) {
      return shard.replication(firstItem, m);
    }
  }

  /** The share's replications number [from, to) of one job (all of them, in order, unsharded). */
  private record Chunk(Plan plan, Job job, Share share, int from, int to, Totals totals, Done done) {
    void run() {
      World world = new World(plan, job.seed());
      Counted counted = new Counted(new Tally(job.topology().workload().callsPerClient()), world);
      long events = 0;
      for (int m = from; m < to; m++) {
        counted.replication = share.replication(m);
        world.run(counted.replication, counted);
        counted.tally.replicationDone();
        events += world.eventsProcessed();
      }
      done.add(totals, counted.tally, counted.first, events, to - from);
    }
  }

  /** The replications finished of {@code total}, told to {@code progress} (or no one) as they finish. */
  private record Done(AtomicLong count, long total, Progress progress) {
    /** Adds finished replications, counted by {@code tally} with their first failure, to the job's totals. */
    void add(Totals totals, Tally tally, FirstFailure first, long events, int replications) {
      totals.add(tally, first, events);
      long now = count.addAndGet(replications);
      if (progress != null) {
        progress.advance(now, total);
      }
    }
  }
}
