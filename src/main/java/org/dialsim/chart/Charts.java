package org.dialsim.chart;

import java.util.ArrayList;
import java.util.List;
import org.dialsim.stats.RunReport;
import org.jfree.chart.JFreeChart;

/**
 * Every chart of a run (SPEC 4): {@code first-call-failure} always; {@code learning-curve}
 * and {@code establish-time} unless they would be empty or one dot a line ({@link #omitted}
 * says why); {@code sweep} for a one-parameter sweep of numbers or durations; one
 * {@code heatmap-<configuration>} per configuration for a two-parameter sweep. Sweeps over
 * three or more parameters get no sweep chart: the headline groups their points.
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
   * @param caption one sentence saying what it shows
   * @param chart the chart
   */
  public record Named(String name, String caption, JFreeChart chart) {}

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
    LearningCurve.Model learning = LearningCurve.model(report);
    if (learning.calls() > 1) {
      out.add(new Named(LearningCurve.NAME,
          "Failure rate of each client's first, second, third ... call: how quickly clients learn.",
          LearningCurve.chart(learning, theme)));
    }
    EstablishTime.Model establish = EstablishTime.model(report);
    if (!establish.curves().isEmpty()) {
      out.add(new Named(EstablishTime.NAME,
          "How long successful calls took to connect, with the per-attempt limit and the deadline marked.",
          EstablishTime.chart(establish, theme)));
    }
    return out;
  }

  /**
   * Why a chart of SPEC 4 is not drawn for {@code report}, one sentence each, in chart order: a
   * chart that would say nothing (one dot per line, nothing to draw, categories joined by lines)
   * is left out, and the report says so instead.
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
    if (LearningCurve.model(report).calls() <= 1) {
      out.add("No " + LearningCurve.NAME + " chart: each client makes one call, so there is nothing to learn "
          + "from; its failure rate is the first-call failure rate.");
    }
    if (EstablishTime.model(report).curves().isEmpty()) {
      out.add("No " + EstablishTime.NAME + " chart: no call connected, so there is no establishment time to show.");
    }
    return out;
  }

  /** A line chart needs an axis: swept values that are numbers or durations, not categories. */
  private static boolean sweepLinesSaySomething(RunReport report) {
    return SweepLines.model(report).axis().kind() != org.dialsim.stats.SweepAxis.Kind.CATEGORY;
  }

  /** Every chart of {@code report} rendered as PNG and SVG, in {@link #build} order. */
  public static List<ChartImage> render(RunReport report, Theme theme) {
    List<ChartImage> out = new ArrayList<>();
    for (Named n : build(report, theme)) {
      out.add(new ChartImage(n.name(), n.caption(), ChartImages.png(n.chart(), theme), ChartImages.svg(n.chart(), theme)));
    }
    return out;
  }
}
