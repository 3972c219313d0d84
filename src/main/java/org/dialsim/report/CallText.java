package org.dialsim.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dialsim.engine.Time;
import org.dialsim.model.Address;
import org.dialsim.sim.CallTrace;
import org.dialsim.sim.Outcome;

/**
 * The text of an explained call a person reads: the stack's timers, then per try its DNS
 * exchanges, the order and why, every attempt with its SYN times and outcome, the addresses
 * never tried, and the verdict.
 */
final class CallText extends ExplainedCall {
  private final String configuration;

  CallText(Explanation explanation) {
    super(explanation);
    this.configuration = explanation.configuration();
  }

  /** The text a person reads. */
  String render() {
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
    sb.append("\nVerdict\n  ").append(explanation.verdict()).append('\n');
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

  /** "answered 0.050 s", or as wide a "not answered" for a query the call ended without. */
  private String answered(CallTrace.DnsExchange d) {
    return d.answered() ? String.format(Locale.ROOT, "answered %8.3f s", rel(d.answeredNs())) : String.format("%-19s", "not answered");
  }

  /** One try's DNS exchanges, order and attempts, each line starting with {@code indent}. */
  private void tryText(StringBuilder sb, CallTrace.Try t, String indent) {
    sb.append('\n').append(indent).append("DNS\n");
    for (CallTrace.DnsExchange d : trace.dns()) {
      if (d.tryNumber() != t.number()) {
        continue;
      }
      sb.append(indent).append(String.format(Locale.ROOT, "  %-10s sent %8.3f s  %s  %s%s%n", d.type(),
          rel(d.sentNs()), answered(d),
          !d.answered() ? "(none)" : d.answers().isEmpty() ? "(no addresses)"
              : String.join(", ", d.answers().stream().map(Address::text).toList()),
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
      String answer = !d.answered() ? "(none)"
          : d.type().equals("HTTPS") ? (d.records().isEmpty() ? "(no records)" : String.join("; ", d.records()))
          : d.answers().isEmpty() ? "(no addresses)" : String.join(", ", d.answers().stream().map(Address::text).toList());
      sb.append(indent).append(String.format(Locale.ROOT, "  %-5s %-22s sent %8.3f s  %s  %s%s%n", d.type(),
          d.name(), rel(d.sentNs()), answered(d), answer, d.note().isEmpty() ? "" : "  [" + d.note() + "]"));
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
}
