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
 * exactly, so the results are the same for any thread count.
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
   */
  public record Result(Job job, Metrics metrics, long events) {}

  /** Told how many replications of all jobs are done. */
  @FunctionalInterface
  public interface Progress {
    /** Called from worker threads after each chunk. */
    void advance(long done, long total);
  }

  private Runner() {}

  /** Runs every job on {@code threads} threads (1 runs on the caller's thread). */
  public static List<Result> run(List<Job> jobs, int threads, Progress progress) {
    long total = jobs.stream().mapToLong(Job::replications).sum();
    AtomicLong done = new AtomicLong();
    List<List<Chunk>> chunks = new ArrayList<>();
    for (Job job : jobs) {
      Plan plan = new Plan(job.topology(), job.configuration().stack());
      int size = Math.max(1, job.replications() / Math.max(1, threads * 8));
      List<Chunk> list = new ArrayList<>();
      for (int from = 0; from < job.replications(); from += size) {
        list.add(new Chunk(plan, job, from, Math.min(job.replications(), from + size), done, total, progress));
      }
      chunks.add(list);
    }
    List<Result> results = new ArrayList<>();
    if (threads <= 1) {
      for (int j = 0; j < jobs.size(); j++) {
        List<ChunkResult> parts = new ArrayList<>();
        for (Chunk c : chunks.get(j)) {
          parts.add(c.call());
        }
        results.add(merge(jobs.get(j), parts));
      }
      return results;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "dialsim-worker");
      t.setDaemon(true);
      return t;
    });
    try {
      List<List<Future<ChunkResult>>> futures = new ArrayList<>();
      for (List<Chunk> list : chunks) {
        List<Future<ChunkResult>> f = new ArrayList<>();
        for (Chunk c : list) {
          f.add(pool.submit(c::call));
        }
        futures.add(f);
      }
      for (int j = 0; j < jobs.size(); j++) {
        List<ChunkResult> parts = new ArrayList<>();
        for (Future<ChunkResult> f : futures.get(j)) {
          parts.add(f.get());
        }
        results.add(merge(jobs.get(j), parts));
      }
      return results;
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

  private static Result merge(Job job, List<ChunkResult> parts) {
    Tally total = new Tally(job.topology().workload().callsPerClient());
    long events = 0;
    for (ChunkResult p : parts) {
      total.merge(p.tally());
      events += p.events();
    }
    return new Result(job, total.metrics(), events);
  }

  private record ChunkResult(Tally tally, long events) {}

  /** Replications [from, to) of one job. */
  private record Chunk(Plan plan, Job job, int from, int to, AtomicLong done, long total, Progress progress) {
    ChunkResult call() {
      World world = new World(plan, job.seed());
      Tally tally = new Tally(job.topology().workload().callsPerClient());
      long events = 0;
      for (int r = from; r < to; r++) {
        world.run(r, tally::call);
        tally.replicationDone();
        events += world.eventsProcessed();
      }
      long now = done.addAndGet(to - from);
      if (progress != null) {
        progress.advance(now, total);
      }
      return new ChunkResult(tally, events);
    }
  }
}
