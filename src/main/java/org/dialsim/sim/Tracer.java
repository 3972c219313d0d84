package org.dialsim.sim;

import java.util.List;

/**
 * What the world tells about one call as it happens. Every call but the one {@code explain}
 * follows gets {@link #NONE}, which does nothing and allocates nothing; the followed call gets a
 * {@link TraceRecorder}. Arguments are the world's own numbers and buffers, never built for the
 * tracer, so an untraced call pays only for the empty calls.
 */
interface Tracer {
  /** Where the DNS answer of an exchange came from, for its note. */
  enum Source {
    /** The name server answered. */
    SERVER,
    /** The client's cache answered. */
    CACHE,
    /** A static hosts file answered (both families at once). */
    HOSTS_FILE,
    /** The resolver gave up on an answer that never came. */
    TIMEOUT
  }

  /** The tracer of every call nobody follows. */
  Tracer NONE = new Tracer() { };

  /** A try begins at {@code now}; its deadline is {@code deadline} (NEVER for none). */
  default void tryStarted(int tryNumber, long now, long deadline) {}

  /** A DNS exchange of record type {@code type} (or both, for a hosts file) completed. */
  default void dns(int type, Source source, long sentNs, long answeredNs, int[] answer, int n) {}

  /** A list for the ordering's notes, or null when nobody reads them. */
  default List<String> orderNotes() {
    return null;
  }

  /** The try's candidates were ordered: {@code cand[0..n)}, with the notes from {@link #orderNotes}. */
  default void order(int[] cand, int n, List<String> notes) {}

  /** A late DNS answer added {@code cand[from..to)}. */
  default void lateAddresses(int[] cand, int from, int to) {}

  /** A backup connect job started at {@code now} over the same candidates. */
  default void backupJobStarted(long now) {}

  /** The attempt on candidate {@code i} was worked out: its SYN times and when it would time out. */
  default void attemptWorked(int i, long[] synTimes, int syns, long timesOutAt) {}

  /** The attempt on candidate {@code i} (address {@code address}) ended at {@code end}. */
  default void attemptEnded(int tryNumber, int i, int address, long start, long end, Outcome outcome) {}

  /** A try ended; {@code call} still holds its candidates and their states. */
  default void tryEnded(int tryNumber, CallTrace.End end, long now, Call call) {}

  /** The call ended. */
  default void finished(boolean connected, int address, long now) {}
}
