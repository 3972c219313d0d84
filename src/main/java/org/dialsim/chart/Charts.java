package org.dialsim.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dialsim.stats.RunReport;
import org.jfree.chart.JFreeChart;

/**
 * Every chart of a run (SPEC 4): {@code first-call-failure} always; {@code learning-curve}
 * and {@code establish-time} unless they would be empty or one dot a line ({@link #omitted}
 * says why), in a sweep one of each per sweep point ({@code learning-curve} at the first
 * point, {@code learning-curve-point-2} at the second ...); {@code sweep} for a one-parameter
 * sweep of numbers or durations; one {@code heatmap-<configuration>} per configuration for a
 * two-parameter sweep. Sweeps over three or more parameters get no sweep chart: the headline
 * groups their points.
 */
public final class Charts {
  static {
    Headless.ensure();
  }

  private Charts() {}

  /**
   * A built chart, not yet drawn.
   *
   * @param name file name without extension
   * @param family the chart's kind (SPEC 4 file name); see {@link ChartImage#family()}
   * @param point the sweep point of a per-point chart, or null
   * @param caption one sentence saying what it shows
   * @param chart the chart
   */
  public record Named(String name, String family, String point, String caption, JFreeChart chart) {
    /** A chart of the whole run. */
    Named(String name, String caption, JFreeChart chart) {
      this(name, name, null, caption, chart);
    }
  }

  /** The charts of {@code report}, headline first; none when it has no rows. */
  public static List<Named> build(RunReport report, Theme theme) {
    List<Named> out = new ArrayList<>();
    if (report.rows().isEmpty()) {
      return out;
    }
    out.add(new Named(FailureBars.NAME,
        "First-call failure rate per configuration with 95 % Wilson intervals.",
        FailureBars.chart(FailureBars.model(report), theme)));
    int swept = report.sweptPaths().size();
    if (swept == 1 && sweepLinesSaySomething(report)) {
      out.add(new Named(SweepLines.NAME,
          "First-call failure rate against " + report.sweptPaths().get(0) + ", one line per configuration.",
          SweepLines.chart(SweepLines.model(report), theme)));
    } else if (swept == 2) {
      for (SweepHeatmap.Model m : SweepHeatmap.models(report)) {
        out.add(new Named(m.name(), "First-call failure rate of " + m.configuration() + " by " + m.x().path()
            + " and " + m.y().path() + ".", SweepHeatmap.chart(m, theme)));
      }
    }
    List<Map<String, String>> points = Rows.points(report);
    for (int i = 0; i < points.size(); i++) {
      LearningCurve.Model learning = LearningCurve.model(report, points.get(i));
      if (learning.calls() > 1) {
        out.add(perPoint(report, LearningCurve.NAME, points, i,
            "Failure rate of each client's first, second, third ... call: how quickly clients learn",
            LearningCurve.chart(learning, theme)));
      }
    }
    for (int i = 0; i < points.size(); i++) {
      EstablishTime.Model establish = EstablishTime.model(report, points.get(i));
      if (!establish.curves().isEmpty()) {
        out.add(perPoint(report, EstablishTime.NAME, points, i,
            "How long successful calls took to connect, with the per-attempt limit and the deadline marked",
            EstablishTime.chart(establish, theme)));
      }
    }
    return out;
  }

  /**
   * The file name of a per-point chart at the {@code index}-th sweep point (from 0): the SPEC 4
   * name at the first point, so a run without a sweep and the first point of a sweep write the
   * same file, then {@code NAME-point-2}, {@code NAME-point-3} ... in sweep order.
   */
  public static String perPointName(String family, int index) {
    return index == 0 ? family : family + "-point-" + (index + 1);
  }

  private static Named perPoint(RunReport report, String family, List<Map<String, String>> points, int index,
      String caption, JFreeChart chart) {
    String point = report.sweptPaths().isEmpty() ? null : Rows.label(points.get(index), report.sweptPaths());
    return new Named(perPointName(family, index), family, point, caption + (point == null ? "." : ", at " + point + "."),
        chart);
  }

  /**
   * Why a chart of SPEC 4 is not drawn for {@code report}, one sentence each, in chart order: a
   * chart that would say nothing (one dot per line, nothing to draw, categories joined by lines)
   * is left out, and the report says so instead. In a sweep, a per-point chart left out at some
   * points names them.
   */
  public static List<String> omitted(RunReport report) {
    List<String> out = new ArrayList<>();
    if (report.rows().isEmpty()) {
      return out;
    }
    if (report.sweptPaths().size() == 1 && !sweepLinesSaySomething(report)) {
      out.add("No " + SweepLines.NAME + " chart: the values of " + report.sweptPaths().get(0)
          + " are not numbers or durations, so there is no axis to draw lines along; the first-call failure "
          + "chart groups its bars by sweep point instead.");
    }
    List<String> oneCall = new ArrayList<>();
    List<String> noneConnected = new ArrayList<>();
    List<Map<String, String>> points = Rows.points(report);
    for (Map<String, String> p : points) {
      String label = Rows.label(p, report.sweptPaths());
      if (LearningCurve.model(report, p).calls() <= 1) {
        oneCall.add(label);
      }
      if (EstablishTime.model(report, p).curves().isEmpty()) {
        noneConnected.add(label);
      }
    }
    if (!oneCall.isEmpty()) {
      out.add("No " + LearningCurve.NAME + " chart" + where(oneCall, points) + ": each client makes one call"
          + there(oneCall, points) + ", so there is nothing to learn from; its failure rate is the first-call failure rate.");
    }
    if (!noneConnected.isEmpty()) {
      out.add("No " + EstablishTime.NAME + " chart" + where(noneConnected, points) + ": no call connected"
          + there(noneConnected, points) + ", so there is no establishment time to show.");
    }
    return out;
  }

  /** " at deadline=10s, deadline=20s" when only some points lack the chart; "" when all do. */
  private static String where(List<String> labels, List<Map<String, String>> points) {
    return labels.size() == points.size() ? "" : " at " + String.join(", ", labels);
  }

  private static String there(List<String> labels, List<Map<String, String>> points) {
    return labels.size() == points.size() ? "" : " there";
  }

  /** A line chart needs an axis: swept values that are numbers or durations, not categories. */
  private static boolean sweepLinesSaySomething(RunReport report) {
    return SweepLines.model(report).axis().kind() != org.dialsim.stats.SweepAxis.Kind.CATEGORY;
  }

  /** Every chart of {@code report} rendered as PNG and SVG, in {@link #build} order. */
  public static List<ChartImage> render(RunReport report, Theme theme) {
    List<Named> named = build(report, theme);
    // each chart is an object graph of its own, drawn by JFreeChart into its own image or SVG
    // document: they are drawn at once on every core, and listed in the order they were built
    int threads = Math.min(named.size(), Runtime.getRuntime().availableProcessors());
    if (threads <= 1) {
      List<ChartImage> out = new ArrayList<>();
      for (Named n : named) {
        out.add(image(n, theme));
      }
      return out;
    }
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "dialsim-chart");
      t.setDaemon(true);
      return t;
    });
    try {
      List<java.util.concurrent.Future<ChartImage>> futures = new ArrayList<>();
      for (Named n : named) {
        futures.add(pool.submit(() -> image(n, theme)));
      }
      List<ChartImage> out = new ArrayList<>();
      for (java.util.concurrent.Future<ChartImage> f : futures) {
        out.add(f.get());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while drawing the charts", e);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException("cannot draw a chart", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static ChartImage image(Named n, Theme theme) {
    return new ChartImage(n.name(), n.family(), n.point(), n.caption(), ChartImages.png(n.chart(), theme),
        ChartImages.svg(n.chart(), theme));
  }
}
