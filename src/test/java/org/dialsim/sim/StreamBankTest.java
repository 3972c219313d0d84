package org.dialsim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.dialsim.model.Address;
import org.junit.jupiter.api.Test;

/**
 * {@link StreamBank}: every client's streams in one array, drawn through {@link StreamBank.Cursor}s.
 * A bank stream must draw exactly what Commons RNG's XoRoShiRo128++ draws when seeded with the
 * two state words {@link Streams} hashes from the same (seed, replication, purpose, entity,
 * sub-entity) tuple, for every kind of draw the simulation makes, however cursors move between
 * streams; and it is seeded lazily, once per run.
 */
class StreamBankTest {
  private static final long SEED = 20240607L;
  private static final Address[] ADDRESSES = {Address.of("2001:db8::1"), Address.of("192.0.2.1"), Address.of("192.0.2.2")};
  private static final int CLIENTS = 3;
  private static final int STREAMS = StreamBank.PATH + ADDRESSES.length;
  private static final Streams.Purpose[] PURPOSE_OF = {
    Streams.Purpose.ARRIVALS, Streams.Purpose.DNS_LATENCY, Streams.Purpose.DNS_ORDER, Streams.Purpose.SHUFFLE};

  /** The library's generator of one bank stream, from the tuple's two state words. */
  private static UniformRandomProvider library(Streams root, int replication, int client, int stream) {
    long[] w = new long[3];
    Streams.Purpose purpose = stream < StreamBank.PATH ? PURPOSE_OF[stream] : Streams.Purpose.PATH;
    int sub = stream < StreamBank.PATH ? 0 : ADDRESSES[stream - StreamBank.PATH].hashCode();
    root.seed(w, 0, replication, purpose, client, sub);
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {w[0], w[1]});
    // the same tuple through Streams' public stream (a RandomStream) starts the same way
    UniformRandomProvider viaStreams = root.stream(replication, purpose, client, sub);
    UniformRandomProvider check = RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {w[0], w[1]});
    for (int i = 0; i < 4; i++) {
      assertEquals(check.nextLong(), viaStreams.nextLong(), "Streams.stream and the hash agree");
    }
    return rng;
  }

  /** One stream's draws on either side: the bank's through a cursor, the library's generator. */
  private static final class Pair {
    final UniformRandomProvider want;
    final ZigguratSampler.NormalizedGaussian wantGauss;
    final ZigguratSampler.Exponential wantExp;

    Pair(UniformRandomProvider want) {
      this.want = want;
      this.wantGauss = ZigguratSampler.NormalizedGaussian.of(want);
      this.wantExp = ZigguratSampler.Exponential.of(want, 30e9);
    }
  }

  @Test
  void everyDrawEqualsTheLibrarysGeneratorWithStreamsInterleavedThroughCursors() {
    Streams root = new Streams(SEED);
    StreamBank bank = new StreamBank(root, CLIENTS, ADDRESSES);
    // three cursors, each with its own samplers, as ClientStreams keeps them
    StreamBank.Cursor[] cursors = new StreamBank.Cursor[3];
    ZigguratSampler.NormalizedGaussian[] gauss = new ZigguratSampler.NormalizedGaussian[3];
    ZigguratSampler.Exponential[] exp = new ZigguratSampler.Exponential[3];
    for (int c = 0; c < cursors.length; c++) {
      cursors[c] = new StreamBank.Cursor(bank);
      gauss[c] = ZigguratSampler.NormalizedGaussian.of(cursors[c]);
      exp[c] = ZigguratSampler.Exponential.of(cursors[c], 30e9);
    }
    Map<Integer, Pair> pairs = new HashMap<>();
    SplittableRandom pick = new SplittableRandom(3);
    int replication = 2;
    int run = 1;
    for (int step = 0; step < 20_000; step++) {
      int c = pick.nextInt(cursors.length);
      int client = pick.nextInt(CLIENTS);
      int stream = pick.nextInt(STREAMS);
      StreamBank.Cursor cursor = cursors[c].at(bank.use(client, stream, replication, run));
      Pair p = pairs.computeIfAbsent(client * STREAMS + stream, k -> new Pair(library(root, replication, client, stream)));
      String where = "step " + step + ", client " + client + ", stream " + stream;
      // several draws in a row from the same stream, so nextInt's cached half-word is exercised
      for (int d = pick.nextInt(1, 4); d > 0; d--) {
        switch (pick.nextInt(6)) {
          case 0 -> assertEquals(p.want.nextLong(), cursor.nextLong(), where);
          case 1 -> assertEquals(p.want.nextInt(), cursor.nextInt(), where);
          case 2 -> {
            int n = pick.nextBoolean() ? 1 << pick.nextInt(1, 20) : pick.nextInt(1, 1_000_000);
            assertEquals(p.want.nextInt(n), cursor.nextInt(n), where + ", nextInt(" + n + ")");
          }
          case 3 -> assertEquals(p.want.nextDouble(), cursor.nextDouble(), where);
          case 4 -> assertEquals(p.wantGauss.sample(), gauss[c].sample(), where);
          default -> assertEquals(p.wantExp.sample(), exp[c].sample(), where);
        }
      }
    }
    assertEquals(CLIENTS * STREAMS, pairs.size(), "every stream was drawn from");
  }

  @Test
  void aStreamIsSeededOncePerRunSoASecondRunOfAReplicationDrawsTheSameAgain() {
    Streams root = new Streams(SEED);
    StreamBank bank = new StreamBank(root, CLIENTS, ADDRESSES);
    StreamBank.Cursor cursor = new StreamBank.Cursor(bank);
    int path = StreamBank.PATH + 1;
    long[] first = new long[6];
    for (int i = 0; i < first.length; i++) {
      // within run 1 every use continues the stream: it is not reseeded
      first[i] = cursor.at(bank.use(1, path, 0, 1)).nextLong();
    }
    UniformRandomProvider want = library(root, 0, 1, path);
    for (long v : first) {
      assertEquals(want.nextLong(), v);
    }
    // run 2 replays replication 0: the same draws from the start
    for (long v : first) {
      assertEquals(v, cursor.at(bank.use(1, path, 0, 2)).nextLong());
    }
    // run 3 is replication 5: that replication's stream, whatever runs came before
    UniformRandomProvider five = library(root, 5, 1, path);
    assertEquals(five.nextLong(), cursor.at(bank.use(1, path, 5, 3)).nextLong());
    // a stream first used in a later run starts there: client 2's arrivals in run 3
    assertEquals(library(root, 5, 2, StreamBank.ARRIVALS).nextLong(),
        cursor.at(bank.use(2, StreamBank.ARRIVALS, 5, 3)).nextLong());
  }

  @Test
  void aPathStreamFollowsItsAddressNotItsNumber() {
    Streams root = new Streams(SEED);
    Address b = ADDRESSES[1];
    StreamBank ab = new StreamBank(root, 1, new Address[] {ADDRESSES[0], b});
    StreamBank ba = new StreamBank(root, 1, new Address[] {b, ADDRESSES[2], ADDRESSES[0]});
    long fromAb = new StreamBank.Cursor(ab).at(ab.use(0, StreamBank.PATH + 1, 0, 1)).nextLong();
    long fromBa = new StreamBank.Cursor(ba).at(ba.use(0, StreamBank.PATH, 0, 1)).nextLong();
    assertEquals(fromAb, fromBa, "address 192.0.2.1 draws the same at number 1 or 0");
  }
}
