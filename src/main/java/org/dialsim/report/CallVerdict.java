package org.dialsim.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dialsim.sim.CallTrace;
import org.dialsim.sim.Outcome;

/**
 * The one-sentence verdict of an explained call: how it connected (at which attempt, after
 * which failures) or why it failed (the deadline cut an attempt, every address failed, no HTTPS
 * service, UDP dropped), with the address that would have connected but was never tried.
 */
final class CallVerdict extends ExplainedCall {
  CallVerdict(Explanation explanation) {
    super(explanation);
  }

  /** The verdict in one sentence. */
  String sentence() {
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

  /** What became of the HTTPS query of the last try, for an SVCB-reliant failure. */
  private String noService() {
    CallTrace.Try last = trace.tries().get(trace.tries().size() - 1);
    CallTrace.DnsExchange https = null;
    for (CallTrace.DnsExchange d : trace.dns()) {
      if (d.tryNumber() == last.number() && d.type().equals("HTTPS")) {
        https = d;
      }
    }
    if (https == null || !https.answered()) {
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
    return String.join(", ", as.stream().map(CallVerdict::name).toList());
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
}
