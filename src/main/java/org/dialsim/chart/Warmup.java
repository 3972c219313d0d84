package org.dialsim.chart;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Draws one small throwaway chart to PNG and SVG on a background thread, so that the classes a
 * report needs (JFreeChart, Java2D, ImageIO, Batik: about a thousand) are loaded and their
 * first-use costs paid while the scenario is read and simulated, on a core the simulation often
 * leaves idle. It writes nothing and decides nothing: the report is drawn afterwards exactly as
 * it would be without it, and a failure here is ignored (the report would meet it again and say so).
 */
public final class Warmup {
  private Warmup() {}

  /** Starts the warm-up on a daemon thread, which ends on its own. */
  public static void start() {
    Headless.ensure(); // before the thread's first chart loads JFreeChart, which asks Swing for a colour
    Thread t = new Thread(Warmup::draw, "dialsim-chart-warmup");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
  }

  private static void draw() {
    try {
      DefaultCategoryDataset data = new DefaultCategoryDataset();
      data.addValue(0.25, "rate", "a");
      JFreeChart chart = ChartFactory.createBarChart("", "", "", data);
      Theme small = Theme.DEFAULT;
      ChartImages.png(chart, small);
      ChartImages.svg(chart, small);
    } catch (RuntimeException | LinkageError e) {
      // nothing to do: the real report draws again and reports what goes wrong
    }
  }
}
