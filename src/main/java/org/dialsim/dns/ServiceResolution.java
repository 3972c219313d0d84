package org.dialsim.dns;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.dialsim.engine.Time;
import org.dialsim.stack.Https;

/**
 * One try's name resolution with HTTPS records, as a Happy Eyeballs version 3 stack waits for
 * it: which of its queries (HTTPS, AAAA and A of the origin, and of the names HTTPS records lead
 * to) are out, what came back, which HTTPS records apply, and when it may start connecting.
 * It knows nothing of events: the simulation reports each answer and asks {@link #next}.
 *
 * <p>The rules follow draft-ietf-happy-happyeyeballs-v3-04 ("the draft"):
 * <ul>
 *   <li>section 4.1: HTTPS, AAAA and A go out together, in that order;
 *   <li>section 4.2: move on when (a) some positive address answer is in, the preferred family
 *       (IPv6 when both are allowed) is answered, and HTTPS service information (or a negative
 *       HTTPS answer) is in; or (b) some positive address answer is in and the Resolution Delay
 *       has passed. Positive answers are A/AAAA answers with addresses and IP hints of HTTPS
 *       records; which answer starts the delay is {@code https.delay_from} (the examples of
 *       section 4.2.2 start it at the first positive answer);
 *   <li>section 4.2.1: AliasMode is followed (RFC 9460 section 2.4.2, at most
 *       {@link ServiceNames#ALIAS_LIMIT} aliases); service information counts as received once
 *       ServiceMode records are in; hints answer their family while A/AAAA of the TargetName are
 *       not in ({@code https.hints_answer_family});
 *   <li>section 6.3 and RFC 9460 section 3: an SVCB-reliant client waits for the HTTPS answer and
 *       abandons the try when it fails.
 * </ul>
 * Chromium's resolver ({@code https.wait: { percent, min, max }}) waits for A and AAAA, then
 * gives HTTPS a share of the time spent so far and goes without it (net/base/features.h,
 * {@code kUseDnsHttpsSvcb} parameters).
 *
 * <p>Records apply when their ALPN set holds a protocol the client speaks (RFC 9460 section
 * 7.1.2; the draft section 6.2): h3 only while QUIC is on and not remembered broken; with no
 * such record the client behaves as if there were no HTTPS answer (RFC 9460 section 3, an
 * SVCB-optional client). All state is in arrays sized once: a try allocates nothing.
 */
public final class ServiceResolution {
  /** What the stack does now. */
  public enum Step {
    /** Keep waiting; ask again at {@link #timerAt()} if that is set. */
    WAIT,
    /** Start connecting now. */
    CONNECT,
    /** Abandon the try: an SVCB-reliant client has no HTTPS service information. */
    FAIL
  }

  /** Why connecting began when it did, for {@code explain}. */
  public enum Ready {
    /** Every query was answered. */
    ALL_ANSWERED,
    /** Draft section 4.2 (a): an address, the preferred family and HTTPS service information were in. */
    ANSWERS,
    /** Draft section 4.2 (b): the Resolution Delay passed with an address in. */
    RESOLUTION_DELAY,
    /** SVCB-reliant: the HTTPS service information came, with an address. */
    RELIANT,
    /** Chromium: A and AAAA were in and HTTPS too. */
    ADDRESSES_AND_HTTPS,
    /** Chromium: A and AAAA were in; HTTPS did not come within its extra time. */
    HTTPS_GIVEN_UP
  }

  /** What the origin's HTTPS resolution has come to. */
  public enum Service {
    /** Still waiting (for the origin, or for an alias target). */
    PENDING,
    /** ServiceMode records apply ({@link #usable}). */
    RECORDS,
    /** No service information: NODATA, no compatible record, AliasMode to "." or a chain too long. */
    NONE,
    /** The HTTPS resolution failed: SERVFAIL or no answer. */
    FAILED
  }

  private static final byte NOT_ASKED = 0;
  private static final byte OUT = 1;
  private static final byte POSITIVE = 2;
  private static final byte EMPTY = 3;
  private static final byte FAILED_ANSWER = 4;

  private final ServiceNames names;
  private final Https https;
  private final long delayNs;
  private final boolean v4;
  private final boolean v6;
  private final boolean preferV6;

  private final byte[] state; // [name * 3 + type]
  private final int[][] answers; // [name * 2 + type]: A, AAAA
  private final int[] lengths;
  private final ServiceRecords records;
  private boolean h3;
  private long start;
  private long firstAnswerAt;
  private long firstAddressAt;
  private long extraAt;
  private int head; // the name whose HTTPS answer the origin's chain waits for
  private int depth;
  private Service service;
  private int serviceName;
  private boolean connecting;
  private boolean httpsAbandoned;
  private long timerAt;
  private Ready ready;

  /**
   * Resolution for one stack.
   *
   * @param names the names of the plan
   * @param https the stack's HTTPS rules
   * @param resolutionDelayNs the stack's Resolution Delay ({@link Time#NEVER}: none)
   * @param v4 the stack may use IPv4
   * @param v6 the stack may use IPv6
   */
  public ServiceResolution(ServiceNames names, Https https, long resolutionDelayNs, boolean v4, boolean v6) {
    this.names = names;
    this.https = https;
    this.delayNs = resolutionDelayNs;
    this.v4 = v4;
    this.v6 = v6;
    // draft section 4.2: IPv6 is preferred when both families are usable; else the one that is
    this.preferV6 = v6;
    int n = names.count();
    this.state = new byte[n * ServiceNames.TYPES];
    this.answers = new int[n * 2][];
    for (int i = 0; i < n; i++) {
      answers[i * 2] = new int[names.records(i, ServiceNames.A).length];
      answers[i * 2 + 1] = new int[names.records(i, ServiceNames.AAAA).length];
    }
    this.lengths = new int[n * 2];
    this.records = new ServiceRecords(names, https);
  }

  /**
   * Starts a try at {@code now}.
   *
   * @param quicUsable true when the client may attempt QUIC now (on, and not remembered broken)
   */
  public void begin(long now, boolean quicUsable) {
    Arrays.fill(state, NOT_ASKED);
    Arrays.fill(lengths, 0);
    records.usableCount = 0;
    records.anyEch = false;
    h3 = quicUsable;
    start = now;
    firstAnswerAt = Time.NEVER;
    firstAddressAt = Time.NEVER;
    extraAt = Time.NEVER;
    head = 0;
    depth = 0;
    service = https.query() ? Service.PENDING : Service.NONE;
    serviceName = -1;
    connecting = false;
    httpsAbandoned = false;
    timerAt = Time.NEVER;
    ready = null;
  }

  /** A query of {@code type} for name {@code n} went out. */
  public void sent(int n, int type) {
    state[n * ServiceNames.TYPES + type] = OUT;
  }

  /** True when a query of {@code type} for name {@code n} has been sent (or answered) in this try. */
  public boolean asked(int n, int type) {
    return state[n * ServiceNames.TYPES + type] != NOT_ASKED;
  }

  /** True when the query of {@code type} for name {@code n} is answered (or failed). */
  public boolean answered(int n, int type) {
    return state[n * ServiceNames.TYPES + type] >= POSITIVE;
  }

  /**
   * An A or AAAA answer for name {@code n} came: {@code n2} numbers of {@code from} from
   * {@code offset}; {@code failed} for SERVFAIL or no answer at all.
   */
  public void addresses(int n, int type, int[] from, int offset, int count, boolean failed, long now) {
    System.arraycopy(from, offset, answers[n * 2 + type], 0, count);
    lengths[n * 2 + type] = count;
    state[n * ServiceNames.TYPES + type] = failed ? FAILED_ANSWER : count > 0 ? POSITIVE : EMPTY;
    answerCame(now);
  }

  /**
   * An HTTPS answer for name {@code n} came: positive (the name's RRset), empty (NODATA), or
   * {@code failed}. Returns the name whose HTTPS query must go out next (an alias target), or -1.
   *
   * @param shuffle the client's stream for shuffling equal priorities (drawn from only when two
   *     applying records share one)
   */
  public int https(int n, boolean positive, boolean failed, long now, UniformRandomProvider shuffle) {
    state[n * ServiceNames.TYPES + ServiceNames.HTTPS] = failed ? FAILED_ANSWER : positive ? POSITIVE : EMPTY;
    answerCame(now);
    if (n != head || service != Service.PENDING || (httpsAbandoned && connecting)) {
      return -1; // not the chain's answer, or one the stack no longer waits for
    }
    if (failed) {
      service = Service.FAILED;
      return -1;
    }
    if (!positive) {
      service = Service.NONE;
      return -1;
    }
    int alias = records.aliasOf(n);
    if (alias >= 0) {
      int t = names.target(alias);
      if (names.ownerTarget(alias) || depth >= ServiceNames.ALIAS_LIMIT) {
        // RFC 9460 section 2.5.1: AliasMode to "." means "no service"; section 3.1: a chain
        // past the limit falls back to the origin
        service = Service.NONE;
        return -1;
      }
      depth++;
      head = t;
      return t;
    }
    serviceName = n;
    records.chooseRecords(n, h3, shuffle);
    service = records.usableCount > 0 ? Service.RECORDS : Service.NONE;
    return -1;
  }

  private void answerCame(long now) {
    if (firstAnswerAt == Time.NEVER) {
      firstAnswerAt = now;
    }
  }

  /** The Chromium rule gave up on HTTPS, or the stack started without it: late HTTPS answers are not used. */
  public boolean httpsAbandoned() {
    return httpsAbandoned;
  }

  /**
   * What to do now, after answers or at {@link #timerAt()}. Once it has said {@link Step#CONNECT}
   * it says {@link Step#WAIT}: later answers join the list as the simulation sees fit.
   */
  public Step next(long now) {
    timerAt = Time.NEVER;
    if (connecting) {
      return Step.WAIT;
    }
    boolean positive = positive();
    if (positive && firstAddressAt == Time.NEVER) {
      firstAddressAt = now;
    }
    if (!https.query()) {
      return complete() ? connect(Ready.ALL_ANSWERED) : Step.WAIT;
    }
    if (https.reliant()) {
      // RFC 9460 section 3: an SVCB-reliant client MUST NOT fall back to a non-SVCB connection
      if (service == Service.FAILED || service == Service.NONE) {
        connecting = true;
        return Step.FAIL;
      }
      if (service == Service.RECORDS && (positive || complete())) {
        return connect(Ready.RELIANT);
      }
      return Step.WAIT;
    }
    if (https.waitFor() instanceof Https.Wait.Extra x) {
      if (!originAddressesAnswered()) {
        return Step.WAIT;
      }
      if (service != Service.PENDING) {
        return connect(Ready.ADDRESSES_AND_HTTPS);
      }
      if (extraAt == Time.NEVER) {
        long extra = (now - start) * x.percent() / 100;
        extraAt = Time.add(now, Math.max(x.minNs(), Math.min(x.maxNs(), extra)));
      }
      if (now >= extraAt) {
        httpsAbandoned = true;
        return connect(Ready.HTTPS_GIVEN_UP);
      }
      timerAt = extraAt;
      return Step.WAIT;
    }
    if (complete()) {
      return connect(Ready.ALL_ANSWERED);
    }
    if (https.waitFor() instanceof Https.Wait.Answer) {
      return Step.WAIT;
    }
    // the draft section 4.2, condition (a)
    if (positive && (preferredAnswered() || !https.waitForPreferred()) && service != Service.PENDING) {
      return connect(Ready.ANSWERS);
    }
    // condition (b): the Resolution Delay since the first positive answer (or any first answer)
    long from = https.delayFrom() == Https.DelayFrom.FIRST_ADDRESS ? firstAddressAt : firstAnswerAt;
    if (from != Time.NEVER) {
      long due = Time.add(from, delayNs);
      if (positive && now >= due) {
        return connect(Ready.RESOLUTION_DELAY);
      }
      if (now < due) {
        timerAt = due;
      }
    }
    return Step.WAIT;
  }

  private Step connect(Ready why) {
    connecting = true;
    ready = why;
    return Step.CONNECT;
  }

  /** When {@link #next} wants to be asked again, or {@link Time#NEVER}. */
  public long timerAt() {
    return timerAt;
  }

  /** Why connecting began, or null before. */
  public Ready ready() {
    return ready;
  }

  /** When the first answer came (the Resolution Delay's start under {@code delay_from: first-answer}). */
  public long firstAnswerAt() {
    return firstAnswerAt;
  }

  /** When the first positive answer came. */
  public long firstAddressAt() {
    return firstAddressAt;
  }

  /** True once no query of the try is out (an HTTPS query the stack gave up on does not count). */
  public boolean complete() {
    for (int i = 0; i < state.length; i++) {
      if (state[i] == OUT && !(httpsAbandoned && i % ServiceNames.TYPES == ServiceNames.HTTPS)) {
        return false;
      }
    }
    return true;
  }

  private boolean originAddressesAnswered() {
    return (!v4 || answered(0, ServiceNames.A)) && (!v6 || answered(0, ServiceNames.AAAA));
  }

  /**
   * The preferred family is answered: any AAAA (A) query of the try completed, as the reference
   * crate reads "the preferred address family that was queried"; or, with hints answering their
   * family, an applying record has an ipv6hint (ipv4hint).
   */
  private boolean preferredAnswered() {
    int type = preferV6 ? ServiceNames.AAAA : ServiceNames.A;
    for (int n = 0; n < names.count(); n++) {
      if (answered(n, type)) {
        return true;
      }
    }
    if (https.hintsAnswerFamily()) {
      for (int i = 0; i < records.usableCount; i++) {
        if (names.hints(records.usable[i], type).length > 0) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * True when some address to connect to is known: an A or AAAA answer with addresses of an
   * allowed family for the origin (unless ech records replace it) or for an applying record's
   * TargetName, or an applying record's hint.
   */
  public boolean positive() {
    if (originIncluded() && (has(0, ServiceNames.A) || has(0, ServiceNames.AAAA))) {
      return true;
    }
    for (int i = 0; i < records.usableCount; i++) {
      int r = records.usable[i];
      int t = names.target(r);
      if (has(t, ServiceNames.A) || has(t, ServiceNames.AAAA) || (v4 && names.hints(r, ServiceNames.A).length > 0)
          || (v6 && names.hints(r, ServiceNames.AAAA).length > 0)) {
        return true;
      }
    }
    return false;
  }

  private boolean has(int n, int type) {
    return (type == ServiceNames.A ? v4 : v6) && lengths[n * 2 + type] > 0;
  }

  /**
   * True when the origin's own addresses may be in the list: always, unless {@code ech: prefer}
   * found ech records (then only they are used).
   */
  public boolean originIncluded() {
    return !records.anyEch;
  }

  /** What the origin's HTTPS resolution has come to. */
  public Service service() {
    return service;
  }

  /** The name whose ServiceMode records apply, or -1. */
  public int serviceName() {
    return serviceName;
  }

  /** Number of applying records. */
  public int usableCount() {
    return records.usableCount;
  }

  /** Applying record {@code i}, in the order tried. */
  public int usable(int i) {
    return records.usable[i];
  }

  /** The addresses of an answer of {@code type} for name {@code n}, {@link #length} of them. */
  public int[] answers(int n, int type) {
    return answers[n * 2 + type];
  }

  /** Number of addresses the answer of {@code type} for name {@code n} gave (0 before it came). */
  public int length(int n, int type) {
    return lengths[n * 2 + type];
  }

  /** True when the answer of {@code type} for name {@code n} came with addresses. */
  public boolean positiveAnswer(int n, int type) {
    return state[n * ServiceNames.TYPES + type] == POSITIVE;
  }

  /** True when the stack may attempt QUIC in this try. */
  public boolean quicUsable() {
    return h3;
  }

  /** When the try began. */
  public long start() {
    return start;
  }
}
