package org.dialsim.stack;

/**
 * What a TCP attempt waits for after the SYN-ACK before it counts as connected
 * ({@code stack.tls}). draft-ietf-happy-happyeyeballs-v3-04 section 6.1: with TLS over TCP a
 * client SHOULD wait for the TLS handshake before it cancels the other attempts. QUIC's handshake
 * carries TLS 1.3 in its one round trip, so QUIC attempts ignore this.
 */
public enum Tls {
  /** Connected at the SYN-ACK (the TCP-only model of every profile before HTTPS records). */
  NONE("none", 0),
  /** TLS 1.2: two more round trips (RFC 5246 section 7.3, full handshake). */
  TLS12("tls1.2", 2),
  /** TLS 1.3: one more round trip (RFC 8446 section 2, full handshake). */
  TLS13("tls1.3", 1);

  private final String key;
  private final int roundTrips;

  Tls(String key, int roundTrips) {
    this.key = key;
    this.roundTrips = roundTrips;
  }

  /** The scenario spelling. */
  public String key() {
    return key;
  }

  /** Round trips after the SYN-ACK. */
  public int roundTrips() {
    return roundTrips;
  }
}
