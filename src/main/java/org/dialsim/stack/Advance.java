package org.dialsim.stack;

/**
 * When a {@code family-race} racer whose attempt failed starts its next address (stack key
 * {@code advance}).
 */
public enum Advance {
  /**
   * At once, in the failure's own handling: Go's dialSerial, Chromium's sub-jobs, curl 7.34.0 to
   * 7.87.0 (lib/connect.c trynextip()) and curl 8.4.0 to 8.15.x (commit 01d8473b25).
   */
  IMMEDIATE,
  /**
   * At the call's next wake-up: curl 7.88.0 to 8.3.x, whose is_connected() (lib/connect.c, tag
   * curl-7_88_1) only creates the next address's connection filter after a failure, its
   * {@code connect()} being issued by the next pass over the eyeballers. That pass comes with the
   * happy-eyeballs timer ({@code attempt_delay} after the start, once), the end of any other
   * attempt, a timeout split's expiry, the start of the other family, or the application's own
   * wake-up ({@code wakeup_every}).
   */
  NEXT_WAKEUP
}
