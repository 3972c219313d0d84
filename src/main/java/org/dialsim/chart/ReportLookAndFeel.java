package org.dialsim.chart;

import javax.swing.LookAndFeel;
import javax.swing.UIDefaults;
import javax.swing.plaf.ColorUIResource;

/**
 * The Swing look and feel of a process that only draws charts into files: one default, the one
 * JFreeChart reads. {@code JFreeChart}'s class initialiser asks Swing for "Panel.background",
 * and with no look and feel set Swing builds Metal's whole table first: about 130 classes and a
 * hundred lambdas, each spun into a class by the JDK's bytecode writer at start-up, which then
 * got hot enough that C2 spent most of a second compiling it. Nothing of ours draws with Swing
 * (the theme sets every background), so this table holds just that colour, Metal's own value.
 */
final class ReportLookAndFeel extends LookAndFeel {
  /** Metal's "control" colour (its Ocean theme's secondary 3), which Panel.background is. */
  static final int PANEL_BACKGROUND = 0xEEEEEE;

  @Override
  public String getName() {
    return "dialsim report";
  }

  @Override
  public String getID() {
    return "dialsim-report";
  }

  @Override
  public String getDescription() {
    return "The one default JFreeChart reads, for drawing charts into files without a display";
  }

  @Override
  public boolean isNativeLookAndFeel() {
    return false;
  }

  @Override
  public boolean isSupportedLookAndFeel() {
    return true;
  }

  @Override
  public UIDefaults getDefaults() {
    UIDefaults d = new UIDefaults(4, 0.75f);
    d.put("Panel.background", new ColorUIResource(PANEL_BACKGROUND));
    return d;
  }
}
