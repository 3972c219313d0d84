package org.dialsim.sim;

import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;

/**
 * Commons RNG's XoRoShiRo128++ generator that can be pointed at a new seed in place.
 *
 * <p>Every output method is the library's own (this class only sets the two state words and
 * clears the cached half-words), so a reseeded stream draws exactly what
 * {@code RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {s0, s1})} would. A world keeps one
 * object per (entity, purpose) for its whole life and reseeds it for each replication, lazily on
 * first use; building a generator per stream per replication (by reflection, in
 * {@code RandomSource.create}) was a tenth of a run's time and a steady stream of garbage.
 */
final class RandomStream extends XoRoShiRo128PlusPlus {
  private final Streams root;
  private final Streams.Purpose purpose;
  private final int entity;
  private final int sub;
  private int run = -1;

  /** The stream of one (purpose, entity, sub-entity), seeded per replication from {@code root}. */
  RandomStream(Streams root, Streams.Purpose purpose, int entity, int sub) {
    super(1L, 0L); // replaced before the first draw
    this.root = root;
    this.purpose = purpose;
    this.entity = entity;
    this.sub = sub;
  }

  /**
   * This stream as replication {@code replication} uses it: seeded for that replication the
   * first time it is asked for in run {@code runNumber}, and drawn on from then on.
   */
  RandomStream in(int replication, int runNumber) {
    if (run != runNumber) {
      run = runNumber;
      root.seed(this, replication, purpose, entity, sub);
    }
    return this;
  }

  /** Sets the generator's state, as a new generator seeded with {@code {s0, s1}} would start. */
  void reseed(long s0, long s1) {
    state0 = s0;
    state1 = s1;
    resetCachedState();
  }
}
