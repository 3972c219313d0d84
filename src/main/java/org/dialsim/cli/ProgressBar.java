package org.dialsim.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.dialsim.sim.Runner;

/**
 * A one-line progress bar with an estimate of the time left, on stderr, only when a person is
 * watching: a console is attached, {@code --quiet} is off and the CI variable is not set. It
 * appears only once a run has taken more than a second, and redraws at most five times a second.
 */
final class ProgressBar implements Runner.Progress {
  private static final long SHOW_AFTER_NS = 1_000_000_000L;
  private static final long REDRAW_NS = 200_000_000L;
  private final PrintStream err;
  private final String label;
  private final long started = System.nanoTime();
  private long lastDraw;
  private boolean drawn;

  private ProgressBar(PrintStream err, String label) {
    this.err = err;
    this.label = label;
  }

  /** A bar when a person is watching, else null (no progress output at all). */
  static ProgressBar forTerminal(boolean quiet, String label) {
    boolean interactive = System.console() != null && System.getenv("CI") == null;
    return quiet || !interactive ? null : new ProgressBar(System.err, label);
  }

  @Override
  public synchronized void advance(long done, long total) {
    long now = System.nanoTime();
    long elapsed = now - started;
    if (elapsed < SHOW_AFTER_NS || (now - lastDraw < REDRAW_NS && done < total)) {
      return;
    }
    lastDraw = now;
    drawn = true;
    err.print("\r" + line(label, done, total, elapsed));
    err.flush();
  }

  /**
   * The bar's text: {@code name [#########.....]  30%  0:07 left}. The time left assumes the
   * remaining replications take as long as the finished ones did.
   */
  static String line(String label, long done, long total, long elapsedNs) {
    double share = total == 0 ? 1 : Math.min(1, (double) done / total);
    int width = 30;
    int filled = (int) Math.round(share * width);
    long leftS = share <= 0 ? 0 : Math.round(elapsedNs / 1e9 * (1 - share) / share);
    return String.format(Locale.ROOT, "%s [%s%s] %3.0f%%  %d:%02d left ", label,
        "#".repeat(filled), ".".repeat(width - filled), 100 * share, leftS / 60, leftS % 60);
  }

  /** Clears the bar's line. */
  synchronized void finish() {
    if (drawn) {
      err.print("\r" + " ".repeat(label.length() + 60) + "\r");
      err.flush();
    }
  }
}
