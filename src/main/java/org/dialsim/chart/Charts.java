package org.dialsim.chart;

import java.util.ArrayList;
import java.util.List;
import org.dialsim.stats.RunReport;
import org.jfree.chart.JFreeChart;

/**
 * Every chart of a run (SPEC 4): {@code first-call-failure}, {@code learning-curve} and
 * {@code establish-time} always; {@code sweep} for a one-parameter sweep; one
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
    if (swept == 1) {
      out.add(new Named(SweepLines.NAME,
          "First-call failure rate against " + report.sweptPaths().get(0) + ", one line per configuration.",
          SweepLines.chart(SweepLines.model(report), theme)));
    } else if (swept == 2) {
      for (SweepHeatmap.Model m : SweepHeatmap.models(report)) {
        out.add(new Named(m.name(), "First-call failure rate of " + m.configuration() + " by " + m.x().path()
            + " and " + m.y().path() + ".", SweepHeatmap.chart(m, theme)));
      }
    }
    out.add(new Named(LearningCurve.NAME,
        "Failure rate of each client's first, second, third ... call: how quickly clients learn.",
        LearningCurve.chart(LearningCurve.model(report), theme)));
    out.add(new Named(EstablishTime.NAME,
        "How long successful calls took to connect, with the per-attempt limit and the deadline marked.",
        EstablishTime.chart(EstablishTime.model(report), theme)));
    return out;
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
