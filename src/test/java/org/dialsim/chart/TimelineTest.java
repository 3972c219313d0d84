package org.dialsim.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.dialsim.engine.Time;
import org.dialsim.model.Topology;
import org.dialsim.sim.CallTrace;
import org.dialsim.sim.Fixtures;
import org.dialsim.sim.Outcome;
import org.dialsim.sim.Plan;
import org.dialsim.sim.World;
import org.dialsim.stack.StackConfig;
import org.dialsim.stack.StrategyKind;
import org.junit.jupiter.api.Test;

class TimelineTest {
  private static final StackConfig UCMA_LIKE = Fixtures.withDeadline(Fixtures.stack(StrategyKind.SEQUENTIAL), 30 * Time.S);

  private static Timeline.Model model(StackConfig stack, boolean... alive) {
    Fixtures.World w = Fixtures.world();
    for (int i = 0; i < alive.length; i++) {
      w.host("192.0.2." + (i + 1), alive[i]);
    }
    Topology t = w.build();
    CallTrace trace = new World(new Plan(t, stack), 1).trace(0, 0, 0, (c, i, ok, e, a, x) -> { });
    return Timeline.model("c", trace);
  }

  @Test
  void aFailedCallShowsItsAttemptsSynsTimeoutsAndTheDeadline() {
    Timeline.Model m = model(UCMA_LIKE, false, false, true);
    assertEquals(List.of("192.0.2.1", "192.0.2.2", "192.0.2.3"), m.rows());
    assertEquals(List.of(new Timeline.Bar(0, 0.005, 21.005, Outcome.TIMEOUT), new Timeline.Bar(1, 21.005, 30.0, Outcome.CANCELLED)), m.bars());
    // SYNs at 0/3/9 s after each start; the second attempt's 9 s SYN was never sent
    assertEquals(5, m.syns().size());
    assertEquals(24.005, m.syns().get(4)[1], 1e-12);
    assertEquals(List.of(30.0), m.deadlines());
    // where each attempt would time out: 21 s after its start; the second one's 42.005 s comes
    // after the deadline ended the try, so it is not marked
    assertEquals(1, m.timeouts().size());
    assertEquals(21.005, m.timeouts().get(0)[1], 1e-12);
    assertEquals(30 * 1.06, Timeline.axisEnd(m), 1e-9);
  }

  @Test
  void aConnectedCallIsDrawnToItsOwnEndNotToTheDeadline() {
    Timeline.Model m = model(Fixtures.withDeadline(Fixtures.stack(StrategyKind.STAGGERED), 30 * Time.S), false, true);
    assertTrue(m.connected());
    // .2 starts 250 ms after .1 and connects at 0.275 s
    assertEquals(0.275, m.endS(), 1e-12);
    assertEquals(0.275 * 1.15, Timeline.axisEnd(m), 1e-9);
  }

  @Test
  void rendersAsPngAndSvgOfTheThemeSize() throws Exception {
    Timeline.Model m = model(UCMA_LIKE, false, false, true);
    var chart = Timeline.chart(m, "failed: the 30 s deadline came.", Theme.DEFAULT);
    var image = ImageIO.read(new ByteArrayInputStream(ChartImages.png(chart, Theme.DEFAULT)));
    assertEquals(Theme.DEFAULT.width(), image.getWidth());
    assertEquals(Theme.DEFAULT.height(), image.getHeight());
    String svg = new String(ChartImages.svg(chart, Theme.DEFAULT), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(svg.contains("<svg") && svg.contains("192.0.2.2"), "SVG keeps text as text");
  }

  @Test
  void timeoutMarksFollowEachAttemptsOwnLimit() {
    // Go's even split over a 30 s deadline with DNS at 5 ms: the four attempts would time out
    // where the split ends them (about 7.5 s apart), not at the 127 s of Linux's SYN schedule
    Fixtures.World w = Fixtures.world().dnsLatency(0);
    for (int i = 1; i <= 4; i++) {
      w.host("192.0.2." + i, false);
    }
    StackConfig go = Fixtures.stackBuilder(StrategyKind.SEQUENTIAL).syn(new org.dialsim.stack.SynSchedule(Time.S, 6, 0, Time.NEVER))
        .split(org.dialsim.stack.TimeoutSplit.EVEN).deadline(30 * Time.S).build();
    CallTrace trace = new World(new Plan(w.build(), go), 1).trace(0, 0, 0, (c, i, ok, e, a, x) -> { });
    Timeline.Model m = Timeline.model("go", trace);
    assertEquals(List.of(7.5, 15.0, 22.5), m.timeouts().stream().limit(3).map(t -> t[1]).toList());
  }

  private static List<String> labels(org.jfree.chart.LegendItemCollection items) {
    List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < items.getItemCount(); i++) {
      out.add(items.get(i).getLabel());
    }
    return out;
  }

  /** A call of profile hev3 behind a firewall that drops UDP (lesson 11's pool, one host). */
  private static CallTrace hev3Call() throws Exception {
    String yaml = "name: t\nseed: 1\nreplications: 1\n"
        + "hosts:\n  a: { addresses: [2001:db8::1, 192.0.2.1] }\n"
        + "network:\n  rtt: 20ms\n  paths:\n    - { to: any, protocol: udp, behaviour: blackhole }\n"
        + "dns:\n  names:\n    www.example.com:\n      records: [2001:db8::1, 192.0.2.1]\n"
        + "      https: [ { svc_priority: 1, alpn: [h3, h2] } ]\n"
        + "calls: { target: www.example.com }\n"
        + "configurations:\n  - { name: c, stack: hev3 }\n";
    org.dialsim.scenario.Scenario s = org.dialsim.scenario.ScenarioLoader.load(java.nio.file.Path.of("t.yaml"), yaml)
        .points().get(0);
    return new World(new Plan(s.topology(), s.configurations().get(0).stack()), s.seed())
        .trace(0, 0, 0, (c, i, ok, e, a, x) -> { });
  }

  @Test
  void aHappyEyeballsV3CallHasARowPerEndpointAndTellsQuicFromTcp() throws Exception {
    // the draft's dealing over one host: QUIC ::1 at 5 ms, QUIC .1 at 255 ms, TCP ::1 at 505 ms,
    // connected after SYN-ACK and TLS at 545 ms; both QUIC attempts got no answer (cancelled)
    Timeline.Model m = Timeline.model("c", hev3Call());
    assertTrue(m.byEndpoint());
    assertEquals(List.of("QUIC [2001:db8::1]:443 h3", "QUIC 192.0.2.1:443 h3", "TCP [2001:db8::1]:443 h2,http/1.1",
        "TCP 192.0.2.1:443 h2,http/1.1"), m.rows());
    assertEquals(List.of(new Timeline.Bar(2, 0.505, 0.545, Outcome.CONNECTED, false),
        new Timeline.Bar(0, 0.005, 0.545, Outcome.CANCELLED, true), new Timeline.Bar(1, 0.255, 0.545, Outcome.CANCELLED, true)),
        m.bars());
    // the QUIC Initials (one each: the first PTO of 999 ms never came) apart from TCP's one SYN
    assertEquals(List.of(0.005, 0.255), m.initials().stream().map(t -> t[1]).toList());
    assertEquals(List.of(0.505), m.syns().stream().map(t -> t[1]).toList());
    var chart = Timeline.chart(m, "connected.", Theme.DEFAULT);
    List<String> legend = labels(chart.getXYPlot().getLegendItems());
    // the outcome colours (cancelled only QUIC attempts had), then the marks and the hatching
    assertEquals(List.of("connected", "cancelled", "SYN", "QUIC Initial", "QUIC attempt (hatched)"), legend);
    assertEquals("endpoint (in the order tried)", chart.getXYPlot().getDomainAxis().getLabel());
    String svg = new String(ChartImages.svg(chart, Theme.DEFAULT), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(svg.contains("QUIC [2001:db8::1]:443 h3") && !svg.contains("<image"), "the hatching is vector lines, no image");
  }

  @Test
  void aCallWithoutHttpsRecordsKeepsItsRowPerAddress() {
    Timeline.Model m = model(UCMA_LIKE, false, true);
    assertFalse(m.byEndpoint());
    assertEquals(List.of(), m.initials());
    assertTrue(m.bars().stream().noneMatch(Timeline.Bar::quic));
    List<String> legend = labels(Timeline.chart(m, "connected.", Theme.DEFAULT).getXYPlot().getLegendItems());
    assertEquals(List.of("connected", "timeout", "SYN"), legend); // outcomes in Outcome order
  }

  /**
   * The deadline's label lies in a strip of its own above the first row: an attempt in the first
   * row that timed out just before the deadline drew its dashed mark through the label. Rendered
   * for 1, 5 and 12 rows: inside the box of the label's red letters no pixel is dark (the mark,
   * a bar's edge or a SYN tick would be).
   */
  @Test
  void noMarkOfTheFirstRowRunsThroughTheDeadlinesLabel() throws Exception {
    for (int n : new int[] {1, 5, 12}) {
      List<String> rows = new java.util.ArrayList<>();
      for (int r = 0; r < n; r++) {
        rows.add("192.0.2." + (r + 1));
      }
      // the first attempt times out at 21 s and the 24 s deadline's label spans about 20-24 s
      Timeline.Model m = new Timeline.Model("c", rows, List.of(new Timeline.Bar(0, 0, 21, Outcome.TIMEOUT)),
          List.<double[]>of(new double[] {0, 0}, new double[] {0, 3}, new double[] {0, 9}),
          List.<double[]>of(new double[] {0, 21}), List.of(24.0), List.of(), 24, false, false, List.of());
      java.awt.image.BufferedImage image = ImageIO.read(new ByteArrayInputStream(
          ChartImages.png(Timeline.chart(m, "failed.", Theme.DEFAULT), Theme.DEFAULT)));
      // the label's letters: strongly red pixels left of the deadline's own (red) line
      int deadlineX = -1;
      for (int x = image.getWidth() - 1; x >= 0 && deadlineX < 0; x--) {
        if (red(image.getRGB(x, image.getHeight() / 2))) {
          deadlineX = x;
        }
      }
      assertTrue(deadlineX > 0, n + " rows: the deadline line");
      int left = Integer.MAX_VALUE;
      int right = -1;
      int top = Integer.MAX_VALUE;
      int bottom = -1;
      for (int y = 0; y < image.getHeight(); y++) {
        for (int x = 0; x < deadlineX - 4; x++) {
          if (red(image.getRGB(x, y))) {
            left = Math.min(left, x);
            right = Math.max(right, x);
            top = Math.min(top, y);
            bottom = Math.max(bottom, y);
          }
        }
      }
      assertTrue(right > left && bottom > top, n + " rows: the label");
      for (int y = top - 2; y <= bottom + 2; y++) {
        for (int x = left - 2; x <= right + 2; x++) {
          int rgb = image.getRGB(x, y);
          int max = Math.max((rgb >> 16) & 0xFF, Math.max((rgb >> 8) & 0xFF, rgb & 0xFF));
          assertTrue(max >= 120 || red(rgb), n + " rows: a dark pixel at " + x + "," + y + " in the label's box");
        }
      }
    }
  }

  private static boolean red(int rgb) {
    int r = (rgb >> 16) & 0xFF;
    int g = (rgb >> 8) & 0xFF;
    int b = rgb & 0xFF;
    return r > 150 && g < 50 && b < 50; // the deadline's red, not the orange of a timed-out bar blended with a tick
  }
}
