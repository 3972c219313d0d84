package org.dialsim.engine;

/** Receives each event as it runs; the arguments are the ones given when it was scheduled. */
@FunctionalInterface
public interface EventHandler {
  /** Handles one event at {@link Simulator#now()}. */
  void handle(int kind, int a, long b);
}
