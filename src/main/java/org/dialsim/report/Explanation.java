package org.dialsim.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dialsim.engine.Time;
import org.dialsim.model.Address;
import org.dialsim.sim.CallTrace;
import org.dialsim.sim.Outcome;
import org.dialsim.stack.StackConfig;

/**
 * One call told attempt by attempt ({@code dialsim explain}): as text for a person, as the
 * SPEC 4 JSON object for a program, and as a one-sentence verdict. Times are seconds from the
 * start of the call.
 *
 * @param configuration the configuration's name
 * @param stack its stack
 * @param trace what happened
 */
public record Explanation(String configuration, StackConfig stack, CallTrace trace) {
  /** Built on first use: databind costs half a second of class loading, and most runs never need it. */
  private static final class Lazy {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  }

  /** Seconds from the call's start. */
  private double rel(long t) {
    return (t - trace.startNs()) / 1e9;
  }

  /** The verdict in one sentence. */
  public String verdict() {
    String v = plainVerdict();
    if (!stack.usesHttps()) {
      return v;
    }
    String udp = udpVerdict();
    return udp != null ? udp : v.substring(0, v.length() - 1) + serviceClauses() + ".";
  }

  private String plainVerdict() {
    List<CallTrace.Attempt> attempts = trace.attempts();
    long elapsed = trace.endNs() - trace.startNs();
    if (trace.connected()) {
      CallTrace.Attempt won = attempts.stream().filter(a -> a.outcome() == Outcome.CONNECTED).findFirst().orElseThrow();
      // attempts started before the winner, in this try: failed ones, and ones still waiting
      List<CallTrace.Attempt> earlier = inTry(won.tryNumber()).stream().filter(a -> a != won && before(a, won)).toList();
      List<CallTrace.Attempt> failedBefore = earlier.stream().filter(a -> a.outcome() != Outcome.CANCELLED).toList();
      List<CallTrace.Attempt> waiting = earlier.stream().filter(a -> a.outcome() == Outcome.CANCELLED).toList();
      String how;
      if (earlier.isEmpty()) {
        how = "at the first attempt";
      } else {
        List<String> parts = new ArrayList<>();
        if (!failedBefore.isEmpty()) {
          parts.add(failedList(failedBefore));
        }
        if (!waiting.isEmpty()) {
          parts.add(addresses(waiting) + (waiting.size() == 1 ? " was" : " were") + " still waiting and cancelled");
        }
        how = "on the " + ordinal(earlier.size() + 1) + " attempt (" + String.join("; ", parts) + ")";
      }
      return String.format(Locale.ROOT, "connected to %s %s after the call began, %s%s.",
          name(won), duration(elapsed), how, trace.tries().size() > 1 ? ", on try " + trace.tries().size() : "");
    }
    CallTrace.Try last = trace.tries().get(trace.tries().size() - 1);
    String missed = missedChance(last);
    String retries = trace.tries().size() > 1 ? " (the last of " + trace.tries().size() + " tries)" : "";
    return switch (last.end()) {
      case DEADLINE -> {
        List<CallTrace.Attempt> cut = attempts.stream().filter(a -> a.tryNumber() == last.number() && a.outcome() == Outcome.CANCELLED).toList();
        String where = cut.isEmpty() ? "before any attempt could start"
            : cut.size() == 1 ? "came " + duration(last.endNs() - cut.get(0).startNs()) + " into the attempt to " + name(cut.get(0))
            : "came while " + cut.size() + " attempts were still waiting (" + addresses(cut) + ")";
        String deadline = duration(stack.deadlineNs());
        yield "failed" + retries + ": the " + deadline + " deadline " + (cut.isEmpty() ? "came " : "") + where + missed + ".";
      }
      case NO_ADDRESSES -> "failed" + retries + ": DNS gave no address the stack may use (families "
          + stack.families().stream().map(f -> f.key()).toList() + ").";
      case NO_SERVICE -> "failed" + retries + ": " + noService() + " and an SVCB-reliant client abandons the "
          + "connection (RFC 9460 section 3.1).";
      case ALL_FAILED -> {
        List<CallTrace.Attempt> mine = attempts.stream().filter(a -> a.tryNumber() == last.number()).toList();
        if (stack.strategy() == org.dialsim.stack.StrategyKind.FIRST_ONLY && !last.notTried().isEmpty()) {
          yield "failed" + retries + ": the stack tries only the first address, " + mine.get(0).address() + ", which "
              + verb(mine.get(0).outcome()) + missed.replace("but was never tried", "but first-only never tries it") + ".";
        }
        yield "failed" + retries + ": " + allFailed(mine) + missed + ".";
      }
      case CONNECTED -> "connected.";
    };
  }

  /**
   * True when {@code a} came before {@code b} in the try: it started earlier, or at the same
   * instant but had already ended then (a {@code no-route} attempt fails at once, and the next
   * one starts in the same nanosecond).
   */
  private static boolean before(CallTrace.Attempt a, CallTrace.Attempt b) {
    return a.startNs() < b.startNs() || (a.startNs() == b.startNs() && a.endNs() <= b.startNs());
  }

  /**
   * The attempts of try {@code number} in the order they started; attempts that started at the
   * same instant keep the order they ended in, so one that failed at once comes first.
   */
  private List<CallTrace.Attempt> inTry(int number) {
    return trace.attempts().stream().filter(a -> a.tryNumber() == number)
        .sorted(java.util.Comparator.comparingLong(CallTrace.Attempt::startNs)).toList();
  }

  /** What became of the HTTPS query of the last try, for an SVCB-reliant failure. */
  private String noService() {
    CallTrace.Try last = trace.tries().get(trace.tries().size() - 1);
    CallTrace.DnsExchange https = null;
    for (CallTrace.DnsExchange d : trace.dns()) {
      if (d.tryNumber() == last.number() && d.type().equals("HTTPS")) {
        https = d;
      }
    }
    if (https == null) {
      return "the HTTPS query was never answered";
    }
    if (https.note().startsWith("no answer")) {
      return "the HTTPS query for " + https.name() + " was never answered (the resolver gave up at "
          + String.format(Locale.ROOT, "%.3f s", rel(https.answeredNs())) + ")";
    }
    if (https.note().startsWith("error")) {
      return "the HTTPS query for " + https.name() + " failed (SERVFAIL)";
    }
    return https.records().isEmpty() ? "the HTTPS query for " + https.name() + " found no records (NODATA)"
        : "no HTTPS record of " + https.name() + " offers a protocol the client uses";
  }

  private String missedChance(CallTrace.Try t) {
    for (CallTrace.NotTried n : t.notTried()) {
      if (n.wouldConnect()) {
        return "; " + n.address() + ", " + ordinal(n.position()) + " in line, would have connected in " + duration(n.rttNs())
            + " but was never tried";
      }
    }
    return "";
  }

  private static String allFailed(List<CallTrace.Attempt> attempts) {
    long timeouts = attempts.stream().filter(a -> a.outcome() == Outcome.TIMEOUT).count();
    long refused = attempts.stream().filter(a -> a.outcome() == Outcome.REFUSED).count();
    long unreachable = attempts.stream().filter(a -> a.outcome() == Outcome.UNREACHABLE).count();
    int n = attempts.size();
    if (timeouts == n) {
      return n == 1 ? "the only address timed out" : "all " + n + " addresses timed out";
    }
    if (refused == n) {
      return n == 1 ? "the only address refused the connection (nothing listens on its family)"
          : "every address refused the connection (nothing listens on their families)";
    }
    if (unreachable == n) {
      return n == 1 ? "the only address was unreachable" : "every address was unreachable";
    }
    List<String> parts = new ArrayList<>();
    if (timeouts > 0) {
      parts.add(timeouts + " timed out");
    }
    if (refused > 0) {
      parts.add(refused + " refused");
    }
    if (unreachable > 0) {
      parts.add(unreachable + " unreachable");
    }
    return "every address failed: " + String.join(", ", parts);
  }

  private static String failedList(List<CallTrace.Attempt> attempts) {
    List<String> out = new ArrayList<>();
    for (CallTrace.Attempt a : attempts) {
      if (a.outcome() != Outcome.CONNECTED && a.outcome() != Outcome.CANCELLED) {
        out.add(name(a) + " " + verb(a.outcome()));
      }
    }
    return String.join(", ", out);
  }

  private static String verb(Outcome o) {
    return switch (o) {
      case TIMEOUT -> "timed out";
      case REFUSED -> "refused";
      case UNREACHABLE -> "was unreachable";
      case CANCELLED -> "was cancelled";
      case CONNECTED -> "connected";
      case NOT_STARTED -> "was never tried";
    };
  }

  private static String addresses(List<CallTrace.Attempt> as) {
    return String.join(", ", as.stream().map(Explanation::name).toList());
  }

  /** Attempts' addresses and ports, {@code [2001:db8::1]:443, 192.0.2.1:443}, where the transport is said. */
  private static String sockets(List<CallTrace.Attempt> as) {
    return String.join(", ", as.stream().map(a -> (a.address().family() == org.dialsim.model.Family.IPV6
        ? "[" + a.address().text() + "]" : a.address().text()) + ":" + a.endpoint().port()).toList());
  }

  /** An attempt's address, with its transport, port and ALPN for a stack that queries HTTPS. */
  private static String name(CallTrace.Attempt a) {
    return a.endpoint() == null ? a.address().text() : a.endpoint().describe(a.address());
  }

  /**
   * The verdict of a call that failed because UDP was dropped and TCP came too late: every QUIC
   * attempt of the last try got no answer on a path that drops UDP, and the deadline came before
   * a TCP attempt could connect. Null for any other call.
   */
  private String udpVerdict() {
    CallTrace.Try last = trace.tries().get(trace.tries().size() - 1);
    if (trace.connected() || last.end() != CallTrace.End.DEADLINE) {
      return null;
    }
    List<CallTrace.Attempt> mine = inTry(last.number());
    List<CallTrace.Attempt> quic = mine.stream().filter(a -> a.endpoint().quic()).toList();
    List<CallTrace.Attempt> tcp = mine.stream().filter(a -> !a.endpoint().quic()).toList();
    boolean silent = !quic.isEmpty() && quic.stream().allMatch(a -> a.endpoint().udpDropped()
        && (a.outcome() == Outcome.TIMEOUT || a.outcome() == Outcome.CANCELLED));
    if (!silent || tcp.stream().anyMatch(a -> a.outcome() != Outcome.CANCELLED)) {
      return null;
    }
    String deadline = duration(stack.deadlineNs());
    String when = tcp.isEmpty()
        ? "no TCP attempt started before the " + deadline + " deadline"
        : "the first TCP attempt, to " + sockets(tcp.subList(0, 1)) + ", started only at "
            + String.format(Locale.ROOT, "%.3f s", rel(tcp.get(0).startNs())) + " and the " + deadline
            + " deadline cut it";
    String retries = trace.tries().size() > 1 ? " (the last of " + trace.tries().size() + " tries)" : "";
    return "failed" + retries + ": UDP to the service is dropped on the way (a path rule blackholes udp), so the "
        + (quic.size() == 1 ? "QUIC attempt to " : quic.size() + " QUIC attempts, to ") + sockets(quic) + ","
        + " got no answer; " + (quic.size() == 1 ? "it" : "they") + " took the first "
        + (quic.size() == 1 ? "attempt slot" : quic.size() + " attempt slots") + " and TCP came too late: " + when
        + missedTcp(last) + ".";
  }

  /** A TCP endpoint never tried that would have connected, for the UDP verdict. */
  private String missedTcp(CallTrace.Try t) {
    for (CallTrace.NotTried n : t.notTried()) {
      if (n.wouldConnect() && !n.endpoint().quic()) {
        return "; " + n.endpoint().describe(n.address()) + " would have connected in " + duration(n.rttNs());
      }
    }
    return "";
  }

  /**
   * What a stack that queries HTTPS adds to the verdict: QUIC attempts that got no answer before
   * TCP connected, and attempts that went to a hint no host owns.
   */
  private String serviceClauses() {
    CallTrace.Try last = trace.tries().get(trace.tries().size() - 1);
    List<CallTrace.Attempt> mine = inTry(last.number());
    StringBuilder sb = new StringBuilder();
    CallTrace.Attempt won = mine.stream().filter(a -> a.outcome() == Outcome.CONNECTED).findFirst().orElse(null);
    if (won != null && !won.endpoint().quic()) {
      List<CallTrace.Attempt> silent = mine.stream().filter(a -> a.endpoint().quic() && before(a, won)
          && a.endpoint().udpDropped() && a.outcome() == Outcome.CANCELLED).toList();
      if (!silent.isEmpty()) {
        long firstTcp = mine.stream().filter(a -> !a.endpoint().quic()).mapToLong(CallTrace.Attempt::startNs).min()
            .orElse(won.startNs());
        long held = firstTcp - mine.get(0).startNs();
        sb.append("; the QUIC ").append(silent.size() == 1 ? "attempt" : "attempts")
            .append(held == 0 ? " beside it" : " before it").append(" got no answer (UDP is dropped on the way)");
        if (held > 0) {
          sb.append(" and held TCP back ").append(duration(held));
        }
      }
    }
    List<CallTrace.Attempt> stale = mine.stream().filter(a -> a.host() == null && a.endpoint().source().equals("hint"))
        .toList();
    if (!stale.isEmpty()) {
      sb.append("; ").append(addresses(stale))
          .append(" came from an HTTPS record's hint, an address no host owns (a stale hint)");
    }
    return sb.toString();
  }

  private static String ordinal(int n) {
    return switch (n) {
      case 1 -> "first";
      case 2 -> "second";
      case 3 -> "third";
      case 4 -> "fourth";
      case 5 -> "fifth";
      default -> n + "th";
    };
  }

  /** A duration for sentences: {@code 20 ms}, {@code 9 s}, {@code 8.995 s}. */
  static String duration(long ns) {
    if (ns < Time.S) {
      double ms = ns / 1e6;
      return (ms == Math.rint(ms) ? String.format(Locale.ROOT, "%d", (long) ms) : String.format(Locale.ROOT, "%.1f", ms)) + " ms";
    }
    double s = ns / 1e9;
    return (s == Math.rint(s) ? String.format(Locale.ROOT, "%d", (long) s) : String.format(Locale.ROOT, "%.3f", s)) + " s";
  }

  /** The text a person reads. */
  public String text() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%s: client %d, call %d, replication %d (the call began at %.3f s)%n",
        configuration, trace.client(), trace.call() + 1, trace.replication(), trace.startNs() / 1e9));
    String retries = stack.callRetries().max() == 0 ? ""
        : String.format(Locale.ROOT, ", %d call %s after %s", stack.callRetries().max(),
            stack.callRetries().max() == 1 ? "retry" : "retries", Time.format(stack.callRetries().backoffNs()));
    // on the timer wheel the schedule's times are the least the kernel takes (each timer fires at
    // its bucket's boundary), so the SYN times below run a little behind them
    String wheel = stack.syn().timerHz() == org.dialsim.stack.SynSchedule.NO_WHEEL ? ""
        : " (on paper; later on the HZ " + stack.syn().timerHz() + " timer wheel)";
    sb.append(String.format(Locale.ROOT, "stack: %s, order %s, SYNs give up after %s%s, attempt limit %s, deadline %s%s%n",
        stack.strategy().key(), stack.order().key(), Time.format(stack.syn().giveUpNs()), wheel,
        Time.format(stack.attemptTimeoutNs()), Time.format(stack.deadlineNs()), retries));
    if (stack.usesHttps()) {
      sb.append(String.format(Locale.ROOT, "happy eyeballs v3: HTTPS records queried; QUIC %s; TCP %s%n",
          stack.quic().enabled() ? stack.quic().order().key() + ", gives up a silent handshake after "
              + Time.format(stack.quic().giveUpNs()) : "off",
          stack.tls() == org.dialsim.stack.Tls.NONE ? "connected at the SYN-ACK" : "waits for " + stack.tls().key()));
    }
    List<CallTrace.Try> tries = trace.tries();
    for (CallTrace.Try t : tries) {
      String indent = "";
      if (tries.size() > 1) {
        // each try resolves, orders and dials anew: its own sections under its own heading
        sb.append('\n').append(tryHeading(t, tries)).append('\n');
        indent = "  ";
      }
      if (stack.usesHttps()) {
        serviceTryText(sb, t, indent);
      } else {
        tryText(sb, t, indent);
      }
    }
    sb.append("\nVerdict\n  ").append(verdict()).append('\n');
    return sb.toString();
  }

  /** {@code Try 2 of 2: began at 32.000 s (2 s after try 1), deadline at 62.000 s; connected at 52.026 s}. */
  private String tryHeading(CallTrace.Try t, List<CallTrace.Try> tries) {
    StringBuilder h = new StringBuilder(String.format(Locale.ROOT, "Try %d of %d: began at %.3f s", t.number(), tries.size(),
        rel(t.startNs())));
    if (t.number() > 1) {
      CallTrace.Try previous = tries.get(t.number() - 2);
      h.append(" (").append(duration(t.startNs() - previous.endNs())).append(" after try ").append(previous.number())
          .append(" ended)");
    }
    if (t.deadlineNs() != Time.NEVER) {
      h.append(String.format(Locale.ROOT, ", deadline at %.3f s", rel(t.deadlineNs())));
    }
    String end = switch (t.end()) {
      case CONNECTED -> "connected";
      case DEADLINE -> "the deadline passed";
      case ALL_FAILED -> "every address failed";
      case NO_ADDRESSES -> "no usable address";
      case NO_SERVICE -> "no HTTPS service information";
    };
    return h.append(String.format(Locale.ROOT, "; %s at %.3f s", end, rel(t.endNs()))).toString();
  }

  /** One try's DNS exchanges, order and attempts, each line starting with {@code indent}. */
  private void tryText(StringBuilder sb, CallTrace.Try t, String indent) {
    sb.append('\n').append(indent).append("DNS\n");
    for (CallTrace.DnsExchange d : trace.dns()) {
      if (d.tryNumber() != t.number()) {
        continue;
      }
      sb.append(indent).append(String.format(Locale.ROOT, "  %-10s sent %8.3f s  answered %8.3f s  %s%s%n", d.type(),
          rel(d.sentNs()), rel(d.answeredNs()),
          d.answers().isEmpty() ? "(no addresses)" : String.join(", ", d.answers().stream().map(Address::text).toList()),
          d.note().isEmpty() ? "" : "  [" + d.note() + "]"));
    }
    sb.append('\n').append(indent).append("Order\n");
    List<Address> order = t.order();
    for (int i = 0; i < order.size(); i++) {
      sb.append(indent).append(String.format(Locale.ROOT, "  %d. %s%s%n", i + 1, order.get(i),
          t.lateAddresses().contains(order.get(i)) ? "  (arrived after the attempts began)" : ""));
    }
    for (String n : t.orderNotes()) {
      sb.append(indent).append("  why: ").append(n.strip()).append('\n');
    }
    // "#" is the attempt's number in this try, as the verdict counts them ("on the second attempt")
    sb.append('\n').append(indent).append("Attempts (seconds from the call's start)\n");
    sb.append(indent).append(String.format(Locale.ROOT, "  %-2s %-26s %-5s %-10s %9s %9s  %-11s %s%n", "#", "address", "fam",
        "host", "start", "end", "outcome", "SYNs at"));
    int number = 0;
    for (CallTrace.Attempt a : inTry(t.number())) {
      sb.append(indent).append(String.format(Locale.ROOT, "  %-2d %-26s %-5s %-10s %9.3f %9.3f  %-11s %s%n", ++number,
          a.address(), a.address().family().key(), a.host() == null ? "(none)" : a.host(), rel(a.startNs()),
          rel(a.endNs()), a.outcome().key(), sends(a)));
    }
    for (CallTrace.NotTried n : t.notTried()) {
      sb.append(indent).append(String.format(Locale.ROOT, "  %-2s %-26s %-5s %-10s %9s %9s  %-11s %s%n", "-", n.address(),
          n.address().family().key(), n.host() == null ? "(none)" : n.host(), "-", "-", Outcome.NOT_STARTED.key(),
          n.wouldConnect() ? "(would have connected in " + duration(n.rttNs()) + ")" : "(would not have answered either)"));
    }
  }

  /**
   * One try of a stack that queries HTTPS records: each DNS exchange with its name (HTTPS answers
   * as their records), when and why connecting began, the endpoints in order with transport,
   * port, ALPN and group, and the attempts with their protocol (QUIC Initials in the SYN column).
   */
  private void serviceTryText(StringBuilder sb, CallTrace.Try t, String indent) {
    sb.append('\n').append(indent).append("DNS\n");
    for (CallTrace.DnsExchange d : trace.dns()) {
      if (d.tryNumber() != t.number()) {
        continue;
      }
      String answer = d.type().equals("HTTPS") ? (d.records().isEmpty() ? "(no records)" : String.join("; ", d.records()))
          : d.answers().isEmpty() ? "(no addresses)" : String.join(", ", d.answers().stream().map(Address::text).toList());
      sb.append(indent).append(String.format(Locale.ROOT, "  %-5s %-22s sent %8.3f s  answered %8.3f s  %s%s%n", d.type(),
          d.name(), rel(d.sentNs()), rel(d.answeredNs()), answer, d.note().isEmpty() ? "" : "  [" + d.note() + "]"));
    }
    if (!t.ready().isEmpty()) {
      sb.append('\n').append(indent).append("  ").append(Character.toUpperCase(t.ready().charAt(0)))
          .append(t.ready().substring(1)).append('\n');
    }
    sb.append('\n').append(indent).append("Order\n");
    List<Address> order = t.order();
    if (order.isEmpty() && t.orderNotes().isEmpty()) {
      sb.append(indent).append("  (none: the try ended before connecting began)\n");
    }
    for (int i = 0; i < order.size(); i++) {
      CallTrace.Endpoint e = t.endpoints().get(i);
      sb.append(indent).append(String.format(Locale.ROOT, "  %d. %s  (%s, %s)%s%n", i + 1, e.describe(order.get(i)),
          e.group(), e.source(), t.lateAddresses().contains(order.get(i)) ? "  (arrived after the attempts began)" : ""));
    }
    for (String n : t.orderNotes()) {
      sb.append(indent).append("  why: ").append(n.strip()).append('\n');
    }
    sb.append('\n').append(indent).append("Attempts (seconds from the call's start; QUIC Initials in the SYNs column)\n");
    sb.append(indent).append(String.format(Locale.ROOT, "  %-2s %-4s %-26s %-5s %-10s %9s %9s  %-11s %s%n", "#", "via",
        "address", "fam", "host", "start", "end", "outcome", "SYNs/Initials at"));
    int number = 0;
    for (CallTrace.Attempt a : inTry(t.number())) {
      sb.append(indent).append(String.format(Locale.ROOT, "  %-2d %-4s %-26s %-5s %-10s %9.3f %9.3f  %-11s %s%n", ++number,
          a.endpoint().quic() ? "QUIC" : "TCP", a.address(), a.address().family().key(),
          a.host() == null ? "(none)" : a.host(), rel(a.startNs()), rel(a.endNs()), a.outcome().key(), sends(a)));
    }
    for (CallTrace.NotTried n : t.notTried()) {
      sb.append(indent).append(String.format(Locale.ROOT, "  %-2s %-4s %-26s %-5s %-10s %9s %9s  %-11s %s%n", "-",
          n.endpoint().quic() ? "QUIC" : "TCP", n.address(), n.address().family().key(),
          n.host() == null ? "(none)" : n.host(), "-", "-", Outcome.NOT_STARTED.key(),
          n.wouldConnect() ? "(would have connected in " + duration(n.rttNs()) + ")" : "(would not have answered either)"));
    }
  }

  /** When an attempt sent its SYNs (or QUIC Initials), seconds from the call's start: {@code 0.005, 1.005}. */
  private String sends(CallTrace.Attempt a) {
    List<String> out = new ArrayList<>();
    for (long s : a.synsNs()) {
      out.add(String.format(Locale.ROOT, "%.3f", rel(s)));
    }
    return String.join(", ", out);
  }

  /** An endpoint's fields: transport ({@code quic} or {@code tcp}), port, ALPN, where its address came from, group. */
  private static void endpointJson(ObjectNode x, CallTrace.Endpoint e) {
    x.put("transport", e.transport());
    x.put("port", e.port());
    x.put("alpn", e.alpn());
    x.put("source", e.source());
    x.put("group", e.group());
  }

  /** The SPEC 4 JSON object, field names and order stable. */
  public String json() {
    ObjectNode o = Lazy.MAPPER.createObjectNode();
    o.put("configuration", configuration);
    o.put("client", trace.client());
    o.put("call", trace.call() + 1);
    o.put("replication", trace.replication());
    o.put("call_start_s", trace.startNs() / 1e9);
    ArrayNode dns = o.putArray("dns");
    boolean service = stack.usesHttps();
    for (CallTrace.DnsExchange d : trace.dns()) {
      ObjectNode q = dns.addObject();
      q.put("type", d.type());
      if (service) {
        q.put("name", d.name());
      }
      q.put("sent_s", rel(d.sentNs()));
      q.put("answered_s", rel(d.answeredNs()));
      ArrayNode ans = q.putArray("answers");
      d.answers().forEach(a -> ans.add(a.text()));
      if (service) {
        ArrayNode records = q.putArray("records");
        d.records().forEach(records::add);
      }
      q.put("note", d.note());
    }
    ArrayNode order = o.putArray("order");
    trace.order().forEach(a -> order.add(a.text()));
    ArrayNode notes = o.putArray("order_reasons");
    trace.orderNotes().forEach(n -> notes.add(n.strip()));
    CallTrace.Try lastTry = trace.tries().get(trace.tries().size() - 1);
    if (service) {
      // the candidates as endpoints: "order" above stays the list of addresses
      ArrayNode eps = o.putArray("endpoints");
      for (int i = 0; i < trace.order().size(); i++) {
        endpointJson(eps.addObject().put("address", trace.order().get(i).text()), trace.endpoints().get(i));
      }
      if (lastTry.readyNs() == Time.NEVER) {
        o.putNull("ready_s");
      } else {
        o.put("ready_s", rel(lastTry.readyNs()));
      }
      o.put("ready_reason", lastTry.ready());
    }
    ArrayNode attempts = o.putArray("attempts");
    CallTrace.Try last = trace.tries().get(trace.tries().size() - 1);
    for (CallTrace.Try t : trace.tries()) {
      for (CallTrace.Attempt a : inTry(t.number())) {
        ObjectNode x = attempts.addObject();
        x.put("address", a.address().text());
        x.put("family", a.address().family().key());
        if (a.host() == null) {
          x.putNull("host");
        } else {
          x.put("host", a.host());
        }
        x.put("try", t.number());
        x.put("start_s", rel(a.startNs()));
        x.put("end_s", rel(a.endNs()));
        ArrayNode syns = x.putArray("syns_s");
        for (long s : a.synsNs()) {
          syns.add(rel(s));
        }
        x.put("outcome", a.outcome().key());
        if (service) {
          endpointJson(x, a.endpoint());
        }
      }
      if (t == last) {
        for (CallTrace.NotTried n : t.notTried()) {
          ObjectNode x = attempts.addObject();
          x.put("address", n.address().text());
          x.put("family", n.address().family().key());
          if (n.host() == null) {
            x.putNull("host");
          } else {
            x.put("host", n.host());
          }
          x.put("try", t.number());
          x.putNull("start_s");
          x.putNull("end_s");
          x.putArray("syns_s");
          x.put("outcome", Outcome.NOT_STARTED.key());
          if (service) {
            endpointJson(x, n.endpoint());
          }
        }
      }
    }
    // each try's own order and deadline (call_retries); "order" above is the last try's
    ArrayNode tries = o.putArray("tries");
    for (CallTrace.Try t : trace.tries()) {
      ObjectNode x = tries.addObject();
      x.put("try", t.number());
      x.put("start_s", rel(t.startNs()));
      if (t.deadlineNs() == Time.NEVER) {
        x.putNull("deadline_s");
      } else {
        x.put("deadline_s", rel(t.deadlineNs()));
      }
      x.put("end_s", rel(t.endNs()));
      x.put("end", t.end().name().toLowerCase(Locale.ROOT).replace('_', '-'));
      ArrayNode tryOrder = x.putArray("order");
      t.order().forEach(a -> tryOrder.add(a.text()));
      ArrayNode reasons = x.putArray("order_reasons");
      t.orderNotes().forEach(n -> reasons.add(n.strip()));
    }
    o.put("outcome", trace.connected() ? "connected" : "failed");
    if (trace.connectedAddress() == null) {
      o.putNull("connected_address");
    } else {
      o.put("connected_address", trace.connectedAddress().text());
    }
    o.put("elapsed_s", (trace.endNs() - trace.startNs()) / 1e9);
    o.put("reason", verdict());
    try {
      return Lazy.MAPPER.writeValueAsString(o) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
