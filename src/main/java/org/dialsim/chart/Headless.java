package org.dialsim.chart;

/** Makes AWT start without a display, before anything in this package touches it. */
final class Headless {
  static {
    // only if nobody chose: a desktop user who set headless=false keeps their choice; this must
    // run before the AWT toolkit first loads, which is why every entry point calls ensure()
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private Headless() {}

  /** Runs the static initialiser once. */
  static void ensure() {
    // the class initialiser does the work
  }
}
