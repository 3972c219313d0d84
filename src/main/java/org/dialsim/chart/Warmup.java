package org.dialsim.chart;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Draws one small throwaway chart to PNG and SVG on a background thread, so that the classes a
 * report needs (JFreeChart, Java2D, ImageIO, Batik: about a thousand) are loaded and their
 * first-use costs paid while a scenario is simulated (or parts are read for a merge), on a core
 * the simulation often leaves idle. It writes nothing and decides nothing: the report is drawn
 * afterwards exactly as it would be without it, and a failure here is ignored (the report would
 * meet it again and say so).
 *
 * <p>It waits, before each step, while it is {@linkplain #hold() held}: a run holds it until it
 * knows how long it is, and a long one until its first replications are done, for the warm-up's
 * start of AWT costs about a second of CPU and would take the second core from the JIT compiler
 * just when the simulation's code is being compiled.
 */
public final class Warmup {
  private static final Gate GATE = new Gate();
  private static boolean started;

  private Warmup() {}

  /** Starts the warm-up on a daemon thread, which ends on its own; once per process. */
  public static void start() {
    synchronized (Warmup.class) {
      if (started) {
        return;
      }
      started = true;
    }
    Thread t = new Thread(Warmup::draw, "dialsim-chart-warmup");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
  }

  /** Makes the warm-up wait before its next step until {@link #release()}. */
  public static void hold() {
    GATE.hold();
  }

  /** Lets a held warm-up go on; harmless when it is not held. */
  public static void release() {
    GATE.release();
  }

  private static void draw() {
    try {
      GATE.pass();
      // AWT and Swing start here, not on the caller's thread: their start-up is part of the work
      Headless.ensure(); // before the first chart loads JFreeChart, which asks Swing for a colour
      DefaultCategoryDataset data = new DefaultCategoryDataset();
      data.addValue(0.25, "rate", "a");
      JFreeChart chart = ChartFactory.createBarChart("", "", "", data);
      Theme small = Theme.DEFAULT;
      GATE.pass();
      ChartImages.png(chart, small);
      GATE.pass();
      ChartImages.svg(chart, small);
    } catch (RuntimeException | LinkageError e) {
      // nothing to do: the real report draws again and reports what goes wrong
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
