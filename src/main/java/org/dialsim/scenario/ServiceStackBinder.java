package org.dialsim.scenario;

import java.util.LinkedHashMap;
import java.util.Map;
import org.dialsim.engine.Time;
import org.dialsim.scenario.Node.Mapping;
import org.dialsim.stack.Https;
import org.dialsim.stack.Quic;
import org.dialsim.stack.QuicMemory;
import org.dialsim.stack.StrategyKind;
import org.dialsim.stack.Tls;

/**
 * Binds the Happy Eyeballs v3 keys of a stack ({@code tls}, {@code https}, {@code quic}) and
 * checks that they fit together and with the rest of the stack.
 */
final class ServiceStackBinder {
  static final Map<String, Tls> TLS = tlsSpellings();
  private static final Map<String, Https.Hints> HINTS = Convert.spellings(Https.Hints.class);
  private static final Map<String, Https.DelayFrom> DELAY_FROM = Convert.spellings(Https.DelayFrom.class);
  private static final Map<String, Https.OriginFallback> FALLBACK = Convert.spellings(Https.OriginFallback.class);
  private static final Map<String, Https.Ech> ECH = Convert.spellings(Https.Ech.class);
  private static final Map<String, Quic.QuicOrder> QUIC_ORDER = Convert.spellings(Quic.QuicOrder.class);
  private static final Map<String, Quic.Icmp> ICMP = Convert.spellings(Quic.Icmp.class);
  private static final Map<String, QuicMemory.Kind> QUIC_MEMORY = Convert.spellings(QuicMemory.Kind.class);
  private static final Map<String, QuicMemory.When> WHEN = Convert.spellings(QuicMemory.When.class);
  private static final Map<String, QuicMemory.Backoff> BACKOFF = Convert.spellings(QuicMemory.Backoff.class);
  private static final String RESOLUTION_DELAY = "resolution-delay";
  private static final String ANSWER = "answer";
  private static final String CHROMIUM = "chromium";
  /**
   * draft-ietf-happy-happyeyeballs-v3-04 section 6: "MUST NOT start a subsequent connection
   * attempt within 10 milliseconds of the previous attempt" (as RFC 8305 section 5 before it).
   */
  static final long MIN_ATTEMPT_DELAY_NS = 10 * Time.MS;

  private ServiceStackBinder() {}

  /** The three keys of one stack, or null after a problem. */
  record Bound(Tls tls, Https https, Quic quic) {}

  /**
   * Binds {@code tls}, {@code https} and {@code quic} of stack section {@code f}.
   *
   * @param strategy the stack's strategy, or null when it did not bind
   * @param attemptDelayNs its attempt delay, or null
   * @param resolutionDelayNs its Resolution Delay, or null
   */
  static Bound bind(Section f, StrategyKind strategy, Long attemptDelayNs, Long resolutionDelayNs) {
    Tls tls = f.required("tls").choice(TLS);
    Section h = Section.of(f.required("https"), (Mapping) Defaults.stack().get("https"), "{ query: true }");
    Https https = h == null ? null : https(h);
    Section q = Section.of(f.required("quic"), (Mapping) Defaults.stack().get("quic"), "{ enabled: true }");
    Quic quic = q == null ? null : quic(q);
    if (tls == null || https == null || quic == null) {
      return null;
    }
    boolean ok = true;
    if (quic.enabled() && !https.query()) {
      q.get("enabled").problem("QUIC would never be attempted: only HTTPS records offer h3 here; set https.query: true "
          + "(or quic.enabled: false)");
      ok = false;
    }
    if (https.query() && !https.reliant() && https.waitFor() instanceof Https.Wait.ResolutionDelay
        && resolutionDelayNs != null && resolutionDelayNs == Time.NEVER) {
      Key rd = f.get("resolution_delay");
      (rd.byUser() ? rd : h.get("wait")).problem("https.wait resolution-delay needs a resolution_delay (the draft "
          + "recommends 50ms); set one, or write https: { wait: answer } to wait for every answer");
      ok = false;
    }
    if (https.query() && attemptDelayNs != null && attemptDelayNs < MIN_ATTEMPT_DELAY_NS && strategy != null
        && strategy != StrategyKind.SEQUENTIAL && strategy != StrategyKind.FIRST_ONLY) {
      f.get("attempt_delay").problem(Messages.quote(Time.format(attemptDelayNs)) + " is below 10ms: the draft "
          + "(draft-ietf-happy-happyeyeballs-v3-04 section 6) says a new attempt MUST NOT start within 10ms of the "
          + "previous one; write at least 10ms (100ms is its recommended minimum)");
      ok = false;
    }
    return ok ? new Bound(tls, https, quic) : null;
  }

  private static Https https(Section f) {
    Boolean query = f.required("query").bool();
    Https.Wait wait = wait(f.required("wait"));
    Boolean reliant = f.required("reliant").bool();
    Boolean preferred = f.required("wait_for_preferred").bool();
    Boolean hintsAnswer = f.required("hints_answer_family").bool();
    Https.Hints hints = f.required("hints").choice(HINTS);
    Https.DelayFrom from = f.required("delay_from").choice(DELAY_FROM);
    Https.OriginFallback fallback = f.required("origin_fallback").choice(FALLBACK);
    Boolean shuffle = f.required("shuffle_equal_priority").bool();
    Https.Ech ech = f.required("ech").choice(ECH);
    if (query == null || wait == null || reliant == null || preferred == null || hintsAnswer == null || hints == null
        || from == null || fallback == null || shuffle == null || ech == null) {
      return null;
    }
    return new Https(query, wait, reliant, preferred, hintsAnswer, hints, from, fallback, shuffle, ech);
  }

  /** {@code resolution-delay}, {@code answer} or {@code { percent, min, max }}. */
  private static Https.Wait wait(Key key) {
    Node n = key.node();
    if (n == null) {
      return null;
    }
    String example = "{ percent: 20, min: 5ms, max: 50ms }";
    if (n instanceof Node.Scalar s && !s.isNull()) {
      if (s.text().equals(RESOLUTION_DELAY)) {
        return new Https.Wait.ResolutionDelay();
      }
      if (s.text().equals(ANSWER)) {
        return new Https.Wait.Answer();
      }
      key.problem("unknown value " + Messages.quote(s.text()) + "; "
          + Suggest.hint(s.text(), java.util.List.of(RESOLUTION_DELAY, ANSWER)) + " (or write " + example + ")");
      return null;
    }
    Section f = Section.of(key, java.util.List.of("percent", "min", "max"), example);
    if (f == null) {
      return null;
    }
    Long percent = f.required("percent", "20").whole(0, 100);
    Long min = f.required("min", "5ms").duration(Span.AT_LEAST_ZERO);
    Key maxKey = f.required("max", "50ms");
    Long max = maxKey.duration(Span.AT_LEAST_ZERO);
    if (percent == null || min == null || max == null) {
      return null;
    }
    if (max < min) {
      maxKey.problem(Messages.quote(maxKey.written()) + " is below min " + Messages.quote(Time.format(min))
          + "; write a max of at least the min");
      return null;
    }
    return new Https.Wait.Extra(percent.intValue(), min, max);
  }

  private static Quic quic(Section f) {
    Boolean enabled = f.required("enabled").bool();
    Quic.QuicOrder order = f.required("order").choice(QUIC_ORDER);
    Long endpoints = f.required("endpoints").wholeOrNone(1, org.dialsim.model.Limits.MAX_CONCURRENT, Integer.MAX_VALUE);
    Long tcpDelay = tcpDelay(f.required("tcp_delay"));
    Long initialRtt = f.required("initial_rtt").duration(Span.POSITIVE);
    Long idle = f.required("idle_timeout").duration(Span.POSITIVE);
    Long handshake = f.required("handshake_timeout").duration(Span.POSITIVE_OR_NONE);
    Long datagrams = f.required("pto_datagrams").whole(1, 2);
    Quic.Icmp icmp = f.required("icmp").choice(ICMP);
    QuicMemory memory = memory(Section.of(f.required("memory"), (Mapping) ((Mapping) Defaults.stack().get("quic"))
        .get("memory"), "{ kind: mark-broken, ttl: 5m }"));
    if (enabled == null || order == null || endpoints == null || tcpDelay == null || initialRtt == null || idle == null
        || handshake == null || datagrams == null || icmp == null || memory == null) {
      return null;
    }
    return new Quic(enabled, order, endpoints.intValue(), tcpDelay, initialRtt, idle, handshake, datagrams.intValue(),
        icmp, memory);
  }

  /** A duration, or {@code chromium}. */
  private static Long tcpDelay(Key key) {
    if (key.node() instanceof Node.Scalar s && CHROMIUM.equals(s.text())) {
      return Quic.CHROMIUM_TCP_DELAY;
    }
    return key.duration(Span.AT_LEAST_ZERO);
  }

  private static QuicMemory memory(Section f) {
    if (f == null) {
      return null;
    }
    QuicMemory.Kind kind = f.required("kind").choice(QUIC_MEMORY);
    QuicMemory.When when = f.required("when").choice(WHEN);
    Long ttl = f.required("ttl").duration(Span.POSITIVE_OR_NONE);
    QuicMemory.Backoff backoff = f.required("backoff").choice(BACKOFF);
    Long max = f.required("max_ttl").duration(Span.POSITIVE);
    if (kind == null || when == null || ttl == null || backoff == null || max == null) {
      return null;
    }
    return new QuicMemory(kind, when, ttl, backoff, max);
  }

  private static Map<String, Tls> tlsSpellings() {
    Map<String, Tls> m = new LinkedHashMap<>();
    for (Tls t : Tls.values()) {
      m.put(t.key(), t);
    }
    return java.util.Collections.unmodifiableMap(m);
  }
}
