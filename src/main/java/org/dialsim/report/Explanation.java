package org.dialsim.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.dialsim.engine.Time;
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
  double rel(long t) {
    return (t - trace.startNs()) / 1e9;
  }

  /** The verdict in one sentence. */
  public String verdict() {
    return new CallVerdict(this).sentence();
  }

  /**
   * The attempts of try {@code number} in the order they started; attempts that started at the
   * same instant keep the order they ended in, so one that failed at once comes first.
   */
  List<CallTrace.Attempt> inTry(int number) {
    return trace.attempts().stream().filter(a -> a.tryNumber() == number)
        .sorted(java.util.Comparator.comparingLong(CallTrace.Attempt::startNs)).toList();
  }

  /** The text a person reads. */
  public String text() {
    return new CallText(this).render();
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
      if (d.answered()) {
        q.put("answered_s", rel(d.answeredNs()));
      } else {
        q.putNull("answered_s"); // still unanswered when the call ended
      }
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
