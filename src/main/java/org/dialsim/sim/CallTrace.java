package org.dialsim.sim;

import java.util.ArrayList;
import java.util.List;
import org.dialsim.model.Address;

/**
 * The full story of one call, recorded as it happens: DNS exchanges, the order chosen and why,
 * every attempt with its SYN times, and how each try ended. {@code dialsim explain} reads it.
 */
public final class CallTrace {
  /** Why a try ended. */
  public enum End {
    /** An attempt connected. */
    CONNECTED,
    /** The deadline passed. */
    DEADLINE,
    /** Every candidate was tried and failed. */
    ALL_FAILED,
    /** DNS gave no usable address. */
    NO_ADDRESSES,
    /** An SVCB-reliant stack got no HTTPS service information (RFC 9460 section 3.1). */
    NO_SERVICE
  }

  /**
   * One DNS exchange.
   *
   * @param tryNumber the try it belongs to, from 1
   * @param type {@code A}, {@code AAAA} or {@code hosts-file}
   * @param sentNs when the query went out
   * @param answeredNs when the answer came (or the resolver gave up); {@link
   *     org.dialsim.engine.Time#NEVER} for a query still unanswered when the call ended
   * @param answers the addresses it gave
   * @param note why it is special (from the cache, NODATA, no answer), or empty
   * @param name the name asked about, or null for a stack that does not query HTTPS (the target)
   * @param records an HTTPS answer's records as a zone file shows them, empty otherwise
   */
  public record DnsExchange(int tryNumber, String type, long sentNs, long answeredNs, List<Address> answers, String note,
      String name, List<String> records) {
    /** Copies the lists. */
    public DnsExchange {
      answers = List.copyOf(answers);
      records = List.copyOf(records);
    }

    /** False for a query still unanswered when the call ended. */
    public boolean answered() {
      return answeredNs != org.dialsim.engine.Time.NEVER;
    }
  }

  /**
   * What a candidate of a stack that queries HTTPS records is besides its address.
   *
   * @param transport {@code quic} or {@code tcp}
   * @param port the port
   * @param alpn the ALPN ids the attempt offers, e.g. {@code h3} or {@code h2,http/1.1}
   * @param source where its address came from: {@code answer} (an A/AAAA answer of the record's
   *     TargetName), {@code hint} (an ipv4hint or ipv6hint) or {@code origin} (the origin's own A/AAAA)
   * @param group the HTTPS record it belongs to, as a zone file shows it, or a phrase for the origin's group
   * @param udpDropped the address's UDP path drops datagrams (a {@code blackhole} rule) while its
   *     TCP path delivers: a firewall that blocks UDP
   */
  public record Endpoint(String transport, int port, String alpn, String source, String group, boolean udpDropped) {
    /** True for QUIC. */
    public boolean quic() {
      return transport.equals("quic");
    }

    /** {@code QUIC [2001:db8::1]:443 h3} for an address. */
    public String describe(Address a) {
      return (quic() ? "QUIC " : "TCP ") + (a.family() == org.dialsim.model.Family.IPV6 ? "[" + a.text() + "]" : a.text())
          + ":" + port + " " + alpn;
    }
  }

  /**
   * One connection attempt.
   *
   * @param tryNumber the try it belongs to, from 1
   * @param address where it went
   * @param host the host owning the address, or null (stale)
   * @param startNs when it started
   * @param endNs when it ended
   * @param synsNs when each SYN was sent
   * @param timesOutNs when it would have timed out: the SYN schedule's give-up or the
   *     application's limit for it (attempt_timeout, a timeout split, Node's abort delay)
   * @param outcome how it ended
   * @param endpoint what it was besides its address, or null for a stack that does not query HTTPS
   */
  public record Attempt(int tryNumber, Address address, String host, long startNs, long endNs, long[] synsNs,
      long timesOutNs, Outcome outcome, Endpoint endpoint) {}

  /**
   * An address the try never reached, and whether it would have answered then.
   *
   * @param address the address
   * @param host the host that owns it, or null for a stale record
   * @param position its place in the order, from 1
   * @param wouldConnect true when its host was up, listening on its family, and its path
   *     delivers SYNs
   * @param rttNs the path's median RTT (how soon it would have connected)
   * @param endpoint what it was besides its address, or null for a stack that does not query HTTPS
   */
  public record NotTried(Address address, String host, int position, boolean wouldConnect, long rttNs,
      Endpoint endpoint) {}

  /**
   * One try of the call (call_retries adds more); each try resolves and orders anew.
   *
   * @param number from 1
   * @param startNs when it began
   * @param deadlineNs its own deadline ({@code Time.NEVER} without one)
   * @param end why it ended
   * @param endNs when it ended
   * @param notTried the addresses it never reached
   * @param order the addresses in the order this try tried them, late arrivals last
   * @param orderNotes why this try's order is what it is
   * @param lateAddresses addresses of this try that arrived after its attempts began
   * @param endpoints what each address of {@code order} is besides its address (empty for a stack
   *     that does not query HTTPS)
   * @param readyNs when connecting began ({@code Time.NEVER}: it never did)
   * @param ready why it began then, one sentence, or empty
   */
  public record Try(int number, long startNs, long deadlineNs, End end, long endNs, List<NotTried> notTried,
      List<Address> order, List<String> orderNotes, List<Address> lateAddresses, List<Endpoint> endpoints, long readyNs,
      String ready) {
    /** The addresses never reached. */
    public List<Address> notStarted() {
      return notTried.stream().map(NotTried::address).toList();
    }
  }

  private final int client;
  private final int call;
  private final int replication;
  private final long startNs;
  private final List<DnsExchange> dns = new ArrayList<>();
  private final List<Address> order = new ArrayList<>();
  private final List<String> orderNotes = new ArrayList<>();
  private final List<Address> late = new ArrayList<>();
  private final List<Endpoint> endpoints = new ArrayList<>();
  private final List<String> pendingNotes = new ArrayList<>();
  private long readyNs = org.dialsim.engine.Time.NEVER;
  private String ready = "";
  private final List<Attempt> attempts = new ArrayList<>();
  private final List<Try> tries = new ArrayList<>();
  private int pendingTry;
  private long pendingTryStart;
  private long pendingTryDeadline;
  private boolean connected;
  private Address connectedAddress;
  private long endNs;

  CallTrace(int client, int call, int replication, long startNs) {
    this.client = client;
    this.call = call;
    this.replication = replication;
    this.startNs = startNs;
  }

  void tryStarted(int number, long now, long deadline) {
    pendingTry = number;
    pendingTryStart = now;
    pendingTryDeadline = deadline;
    // order, notes and late arrivals belong to one try: each try resolves and orders anew
    order.clear();
    orderNotes.clear();
    late.clear();
    endpoints.clear();
    pendingNotes.clear();
    readyNs = org.dialsim.engine.Time.NEVER;
    ready = "";
  }

  void dns(String type, long sent, long answered, List<Address> answers, String note) {
    dns.add(new DnsExchange(pendingTry, type, sent, answered, answers, note, null, List.of()));
  }

  void dns(String type, String name, long sent, long answered, List<Address> answers, List<String> records, String note) {
    dns.add(new DnsExchange(pendingTry, type, sent, answered, answers, note, name, records));
  }

  /** A query of try {@code tryNumber} that the call ended without an answer to. */
  void unanswered(int tryNumber, String type, String name, long sent, String note) {
    dns.add(new DnsExchange(tryNumber, type, sent, org.dialsim.engine.Time.NEVER, List.of(), note, name, List.of()));
  }

  /** A note for the try's order that is known before the order is (a QUIC mark, for one). */
  void pendingNote(String note) {
    pendingNotes.add(note);
  }

  /** Connecting began at {@code now}, for the reason given. */
  void ready(long now, String why) {
    readyNs = now;
    ready = why;
  }

  /** The endpoints were built: the order, what each is, and why. */
  void endpoints(List<Address> ordered, List<Endpoint> eps, List<String> notes) {
    List<String> all = new ArrayList<>(pendingNotes);
    all.addAll(notes);
    pendingNotes.clear();
    order(ordered, all);
    endpoints.clear();
    endpoints.addAll(eps);
  }

  /** A later answer re-sorted the list from position {@code kept}: these follow now. */
  void resorted(int kept, List<Address> after, List<Endpoint> eps, String note) {
    List<Address> before = new ArrayList<>(order);
    while (order.size() > kept) {
      order.remove(order.size() - 1);
      endpoints.remove(endpoints.size() - 1);
    }
    for (int i = 0; i < after.size(); i++) {
      Address a = after.get(i);
      order.add(a);
      endpoints.add(eps.get(i));
      if (!before.contains(a) && !late.contains(a)) {
        late.add(a);
      }
    }
    // A and AAAA answered at one instant re-sort twice; a reader needs the note once
    if (orderNotes.isEmpty() || !orderNotes.get(orderNotes.size() - 1).equals(note)) {
      orderNotes.add(note);
    }
  }

  /** A note on the try's order after it was made (a QUIC mark when TCP won). */
  void orderNote(String note) {
    orderNotes.add(note);
  }

  void order(List<Address> ordered, List<String> notes) {
    order.clear();
    order.addAll(ordered);
    orderNotes.clear();
    orderNotes.addAll(notes);
  }

  void note(String note) {
    orderNotes.add(note);
  }

  void lateAddresses(List<Address> added) {
    late.addAll(added);
    order.addAll(added);
  }

  void attempt(int tryNumber, Address address, String host, long start, long end, long[] syns, long timesOut, Outcome outcome,
      Endpoint endpoint) {
    attempts.add(new Attempt(tryNumber, address, host, start, end, syns, timesOut, outcome, endpoint));
  }

  void tryEnded(int number, End end, long now, List<NotTried> notTried) {
    tries.add(new Try(number, pendingTryStart, pendingTryDeadline, end, now, List.copyOf(notTried), List.copyOf(order),
        List.copyOf(orderNotes), List.copyOf(late), List.copyOf(endpoints), readyNs, ready));
  }

  void finish(boolean ok, Address address, long now) {
    connected = ok;
    connectedAddress = address;
    endNs = now;
  }

  /** Client instance, from 0. */
  public int client() {
    return client;
  }

  /** Call index within the client, from 0. */
  public int call() {
    return call;
  }

  /** Replication, from 0. */
  public int replication() {
    return replication;
  }

  /** When the call started. */
  public long startNs() {
    return startNs;
  }

  /** When the call ended. */
  public long endNs() {
    return endNs;
  }

  /** DNS exchanges of every try in the order they completed. */
  public List<DnsExchange> dns() {
    return List.copyOf(dns);
  }

  /** The addresses in the order the stack tried them (of the last try). */
  public List<Address> order() {
    return List.copyOf(order);
  }

  /** Why the last try's order is what it is, one sentence per step that moved something. */
  public List<String> orderNotes() {
    return List.copyOf(orderNotes);
  }

  /** What each address of {@link #order()} is besides its address (empty for a stack that does not query HTTPS). */
  public List<Endpoint> endpoints() {
    return List.copyOf(endpoints);
  }

  /** Addresses of the last try that arrived after its attempts began. */
  public List<Address> lateAddresses() {
    return List.copyOf(late);
  }

  /** Attempts in the order they ended. */
  public List<Attempt> attempts() {
    return List.copyOf(attempts);
  }

  /** The tries, in order. */
  public List<Try> tries() {
    return List.copyOf(tries);
  }

  /** True when the call connected. */
  public boolean connected() {
    return connected;
  }

  /** The address that connected, or null. */
  public Address connectedAddress() {
    return connectedAddress;
  }
}
