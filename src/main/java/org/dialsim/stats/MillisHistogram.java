package org.dialsim.stats;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts of durations by whole millisecond: a duration of {@code ns} nanoseconds counts in
 * millisecond {@code round(ns / 1e6)} (halves up). Rounding is monotone, so the k-th smallest
 * count here is the k-th smallest duration rounded to the millisecond: percentiles read from
 * it are exact to the millisecond, not approximate. Counts are integers, so histograms merge to
 * the same counts in any order.
 *
 * <p>Memory grows with the span of durations seen, never with how many: one page of
 * {@value #PAGE} counters (8 KiB) for each 1.024 s into which some duration fell. Establishment
 * times cluster around a few values (one RTT, one RTT plus each SYN retransmission), so a
 * tally holds a handful of pages.
 */
public final class MillisHistogram {
  /** Nanoseconds per bucket: the resolution of every percentile this histogram gives. */
  public static final long RESOLUTION_NS = 1_000_000;
  /** Buckets per page (a power of two, so a bucket's page is a shift). */
  static final int PAGE = 1024;
  private static final int PAGE_BITS = Integer.numberOfTrailingZeros(PAGE);

  private final Map<Long, long[]> pages = new HashMap<>();
  private long total;
  // the page the last value fell into: almost every call lands on the page of the one before
  private long lastPage = -1;
  private long[] last;

  /** Counts one duration of {@code ns} nanoseconds ({@code ns >= 0}). */
  public void record(long ns) {
    add(bucket(ns), 1);
  }

  /** The bucket of {@code ns}: milliseconds, rounded half up, without overflow. */
  static long bucket(long ns) {
    if (ns < 0) {
      throw new IllegalArgumentException("a duration cannot be negative: " + ns);
    }
    return ns / RESOLUTION_NS + (ns % RESOLUTION_NS >= RESOLUTION_NS / 2 ? 1 : 0);
  }

  /** Adds {@code count} to bucket {@code ms}. */
  void add(long ms, long count) {
    long page = ms >>> PAGE_BITS;
    if (page != lastPage) {
      last = pages.computeIfAbsent(page, p -> new long[PAGE]);
      lastPage = page;
    }
    last[(int) (ms & (PAGE - 1))] += count;
    total += count;
  }

  /** Adds every count of {@code other} into this histogram. */
  public void merge(MillisHistogram other) {
    for (Map.Entry<Long, long[]> e : other.pages.entrySet()) {
      long[] mine = pages.computeIfAbsent(e.getKey(), p -> new long[PAGE]);
      long[] theirs = e.getValue();
      for (int i = 0; i < PAGE; i++) {
        mine[i] += theirs[i];
      }
    }
    total += other.total;
  }

  /** Durations counted. */
  public long total() {
    return total;
  }

  /** Pages held (for tests of the memory bound). */
  int pages() {
    return pages.size();
  }

  /**
   * Every non-empty bucket in increasing order, as pairs {@code [ms0, count0, ms1, count1, ...]}:
   * the canonical form for writing a histogram out.
   */
  public long[] buckets() {
    long[] keys = sortedPages();
    long[] out = new long[16];
    int n = 0;
    for (long page : keys) {
      long[] counts = pages.get(page);
      for (int i = 0; i < PAGE; i++) {
        if (counts[i] != 0) {
          if (n + 2 > out.length) {
            out = Arrays.copyOf(out, out.length * 2);
          }
          out[n++] = (page << PAGE_BITS) + i;
          out[n++] = counts[i];
        }
      }
    }
    return Arrays.copyOf(out, n);
  }

  /** The histogram with these {@link #buckets()} pairs. */
  public static MillisHistogram of(long[] pairs) {
    if (pairs.length % 2 != 0) {
      throw new IllegalArgumentException("buckets come in (millisecond, count) pairs");
    }
    MillisHistogram h = new MillisHistogram();
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i] < 0 || pairs[i + 1] < 0) {
        throw new IllegalArgumentException("a bucket and its count cannot be negative");
      }
      h.add(pairs[i], pairs[i + 1]);
    }
    return h;
  }

  /**
   * The buckets (milliseconds) at the given percentiles, each the nearest-rank percentile:
   * the smallest value that at least {@code p} % of the counts do not exceed, which is the
   * ceil(p / 100 * N)-th smallest (at least the first). Hyndman and Fan (1996), "Sample
   * quantiles in statistical packages", definition 1: the inverse of the empirical
   * distribution function, so every answer is a value that was counted.
   *
   * @param perMille the percentiles in tenths of a percent (500 = p50, 995 = p99.5),
   *     in increasing order
   * @return one bucket per percentile; empty when nothing was counted
   */
  public long[] atPerMille(int... perMille) {
    if (total == 0) {
      return new long[0];
    }
    long[] ranks = new long[perMille.length];
    for (int i = 0; i < perMille.length; i++) {
      if (perMille[i] < 0 || perMille[i] > 1000 || i > 0 && perMille[i] < perMille[i - 1]) {
        throw new IllegalArgumentException("percentiles must rise within 0 to 1000 per mille");
      }
      ranks[i] = Math.max(1, ceilTimes(total, perMille[i]));
    }
    long[] out = new long[perMille.length];
    int next = 0;
    long seen = 0;
    for (long page : sortedPages()) {
      long[] counts = pages.get(page);
      for (int b = 0; b < PAGE && next < ranks.length; b++) {
        seen += counts[b];
        while (next < ranks.length && seen >= ranks[next]) {
          out[next++] = (page << PAGE_BITS) + b;
        }
      }
    }
    return out;
  }

  /** ceil(n * perMille / 1000) without overflow for any count a run can reach. */
  private static long ceilTimes(long n, int perMille) {
    long whole = n / 1000 * perMille;
    long rest = n % 1000 * perMille;
    return whole + (rest + 999) / 1000;
  }

  private long[] sortedPages() {
    long[] keys = new long[pages.size()];
    int i = 0;
    for (long k : pages.keySet()) {
      keys[i++] = k;
    }
    Arrays.sort(keys);
    return keys;
  }
}
