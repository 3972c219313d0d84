package org.dialsim.stack;

/**
 * What a Happy Eyeballs v3 candidate is besides its address, packed in one int so a call keeps
 * it in a primitive array: the transport (QUIC or TCP), the port, the ALPN label the attempt
 * offers, where the address came from, and the HTTPS record (group) it belongs to. A candidate
 * of a stack that does not query HTTPS is {@link #PLAIN_TCP}: TCP to the authority port.
 */
public final class Endpoint {
  /** TCP to port 443 from an A/AAAA answer, no record: every candidate of an A/AAAA-only stack. */
  public static final int PLAIN_TCP = 0;

  /** Where an endpoint's address came from. */
  public enum Source {
    /** An A or AAAA answer for the record's TargetName. */
    ANSWER,
    /** An ipv4hint or ipv6hint of the record. */
    HINT,
    /** The origin's own A or AAAA answer, in the group of addresses no record covers. */
    ORIGIN
  }

  /** The ALPN labels an endpoint can carry, by index. */
  private static final String[] LABELS = {"h3", "h2,http/1.1", "h2", "http/1.1"};
  /** Label index of QUIC's h3. */
  public static final int LABEL_H3 = 0;
  /** Label index of the https default an HTTP client offers over TCP (h2, then http/1.1). */
  public static final int LABEL_DEFAULT = 1;

  private static final int QUIC_BIT = 1;
  private static final int PORT_SHIFT = 1;
  private static final int PORT_MASK = 0x1f;
  private static final int LABEL_SHIFT = 6;
  private static final int SOURCE_SHIFT = 8;
  private static final int TIER_BIT = 1 << 10;
  private static final int GROUP_SHIFT = 11;
  /** The most distinct ports a plan's endpoints may use. */
  public static final int MAX_PORTS = PORT_MASK + 1;

  private Endpoint() {}

  /**
   * Packs one endpoint.
   *
   * @param quic true for QUIC, false for TCP
   * @param port port index (0 = 443)
   * @param label label index
   * @param source where the address came from
   * @param fallbackTier true for the origin fallback tier of {@code origin_fallback: always}
   * @param group the HTTPS record it belongs to plus one, 0 for none
   */
  public static int of(boolean quic, int port, int label, Source source, boolean fallbackTier, int group) {
    return (quic ? QUIC_BIT : 0) | (port << PORT_SHIFT) | (label << LABEL_SHIFT) | (source.ordinal() << SOURCE_SHIFT)
        | (fallbackTier ? TIER_BIT : 0) | (group << GROUP_SHIFT);
  }

  /** True for QUIC. */
  public static boolean quic(int e) {
    return (e & QUIC_BIT) != 0;
  }

  /** The port index. */
  public static int port(int e) {
    return (e >>> PORT_SHIFT) & PORT_MASK;
  }

  /** The ALPN label: {@code h3}, {@code h2,http/1.1}, {@code h2} or {@code http/1.1}. */
  public static String label(int e) {
    return LABELS[(e >>> LABEL_SHIFT) & 3];
  }

  /** The label index of a TCP endpoint offering h2, http/1.1 or both. */
  public static int tcpLabel(boolean h2, boolean http11) {
    return h2 && http11 ? 1 : h2 ? 2 : 3;
  }

  /** Where the address came from. */
  public static Source source(int e) {
    return Source.values()[(e >>> SOURCE_SHIFT) & 3];
  }

  /** The HTTPS record it belongs to plus one, 0 for none. */
  public static int group(int e) {
    return e >>> GROUP_SHIFT;
  }

  /**
   * True when two endpoints to one address are the same attempt: same transport and port, and
   * both in or both out of the origin fallback tier (which the reference crate tries even when a
   * record already listed the address).
   */
  public static boolean same(int e, int f) {
    int key = QUIC_BIT | (PORT_MASK << PORT_SHIFT) | TIER_BIT;
    return (e & key) == (f & key);
  }
}
