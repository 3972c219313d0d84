package org.dialsim.sim;

/** Receives each finished call of a replication. */
public interface CallSink {
  /**
   * One call has ended.
   *
   * @param client client instance (from 0)
   * @param index call index within the client (0 = its first call)
   * @param connected true when it connected before its deadline (on some try)
   * @param establishNs from the call's start to the connection (meaningful when connected)
   * @param attempts connection attempts started, over all tries
   * @param wastedNs time spent in attempts that did not connect
   */
  void call(int client, int index, boolean connected, long establishNs, int attempts, long wastedNs);
}
