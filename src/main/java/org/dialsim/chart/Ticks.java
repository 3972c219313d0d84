package org.dialsim.chart;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Tick label formats that read the same in every locale (Locale.ROOT: 0.5, never 0,5). */
final class Ticks {
  private Ticks() {}

  /** Plain numbers with up to six decimals, no grouping. */
  static DecimalFormat plain() {
    return new DecimalFormat("0.######", DecimalFormatSymbols.getInstance(Locale.ROOT));
  }
}
