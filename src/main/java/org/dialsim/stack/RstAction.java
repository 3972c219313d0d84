package org.dialsim.stack;

import org.dialsim.engine.Time;

/** What a stack does when a SYN is answered by a RST. */
public enum RstAction {
  /** Report "connection refused" at once (Linux, BSD, macOS). */
  FAIL,
  /**
   * Windows: a RST shows the host is there, so Winsock sends the SYN again after the base
   * timeout without doubling it, and reports refused only after the last retry is reset
   * (Microsoft KB 175523, "Winsock TCP Connection Performance to Unused Ports"). With the
   * defaults that takes about 2 s (measured in curl issue 14144 on Windows 10/11).
   */
  RETRY;

  /**
   * Retries after the first RST: TcpMaxConnectRetransmissions, 2 by default since Windows 2000
   * (KB 175523 describes the registry value; NT 4 used 3). Uncertain for the newest releases.
   */
  public static final int WINDOWS_RST_RETRIES = 2;

  /**
   * Interval between SYNs that were reset: the base retransmission timeout, 1 s on Windows 8 and
   * later (InitialRto 1000 ms); with 2 retries this gives the 2 s curl issue 14144 measured.
   */
  public static final long WINDOWS_RST_INTERVAL_NS = Time.S;
}
