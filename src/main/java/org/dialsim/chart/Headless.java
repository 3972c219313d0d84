package org.dialsim.chart;

/**
 * Makes AWT start without a display, before anything in this package touches it, and gives
 * Swing the small look and feel of a process that only draws into files ({@link ReportLookAndFeel}).
 */
final class Headless {
  static {
    // only if nobody chose: a desktop user who set headless=false keeps their choice; this must
    // run before the AWT toolkit first loads, which is why every entry point calls ensure()
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
    // without a display nothing is drawn with Swing; a look and feel someone chose is kept
    if (Boolean.getBoolean("java.awt.headless") && System.getProperty("swing.defaultlaf") == null) {
      try {
        javax.swing.UIManager.setLookAndFeel(new ReportLookAndFeel());
      } catch (javax.swing.UnsupportedLookAndFeelException e) {
        throw new AssertionError("the report look and feel is supported everywhere", e);
      }
    }
  }

  private Headless() {}

  /** Runs the static initialiser once. */
  static void ensure() {
    // the class initialiser does the work
  }
}
