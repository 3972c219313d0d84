package org.dialsim.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dialsim.stats.ResultRow;
import org.dialsim.stats.RunReport;
import org.dialsim.stats.Rate;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The headline chart, {@code first-call-failure}: the first-call failure rate of each
 * configuration as a bar with its 95 % Wilson interval, in scenario order.
 *
 * <p>Without a sweep there is one bar per configuration. With a sweep the bars are grouped by
 * sweep point (one group per point, one bar per configuration, colours as in every other
 * chart), so the headline still shows every number behind the sweep charts, not one arbitrary
 * point of them.
 */
public final class FailureBars {
  /** File name without extension (binding, SPEC 4). */
  public static final String NAME = "first-call-failure";

  /** The highest whisker fills at most this share of the plot height, leaving room for its label. */
  static final double FILL = 0.85;

  private FailureBars() {}

  /**
   * One bar.
   *
   * @param configuration index of the configuration in scenario order (its colour)
   * @param seriesKey the dataset row key
   * @param categoryKey the dataset column key
   * @param value the first-call failure rate
   * @param low the interval's lower end, clipped to [0, 1]
   * @param high the interval's upper end, clipped to [0, 1]
   */
  public record Bar(int configuration, String seriesKey, String categoryKey, double value, double low, double high) {}

  /**
   * Everything the chart shows, without pixels.
   *
   * @param grouped true in a sweep: categories are points, series are configurations
   * @param horizontal true when bars lie on their side so that long or many configuration
   *     names stay readable
   * @param series dataset row keys in order
   * @param categories dataset column keys in order
   * @param bars every bar with data, series-major in scenario order
   * @param categoryAxisLabel the category axis label, or null
   * @param upper the top of the percent axis (its bottom is 0)
   * @param subtitle what the bars and whiskers mean
   */
  public record Model(
      boolean grouped,
      boolean horizontal,
      List<String> series,
      List<String> categories,
      List<Bar> bars,
      String categoryAxisLabel,
      double upper,
      String subtitle) {
    /** Copies the lists. */
    public Model {
      series = List.copyOf(series);
      categories = List.copyOf(categories);
      bars = List.copyOf(bars);
    }

    /** The bar at (series key, category key), or null. */
    public Bar bar(String seriesKey, String categoryKey) {
      for (Bar b : bars) {
        if (b.seriesKey().equals(seriesKey) && b.categoryKey().equals(categoryKey)) {
          return b;
        }
      }
      return null;
    }
  }

  /** The model of {@code report}'s headline chart. */
  public static Model model(RunReport report) {
    List<String> configurations = Rows.configurations(report);
    List<String> paths = report.sweptPaths();
    boolean grouped = !paths.isEmpty();
    List<Bar> bars = new ArrayList<>();
    List<String> categories = new ArrayList<>();
    List<String> series = new ArrayList<>();
    double max = 0;
    if (!grouped) {
      series.add("first-call failure");
      categories.addAll(configurations);
      for (ResultRow r : report.rows()) {
        Bar b = bar(configurations.indexOf(r.configuration()), series.get(0), r.configuration(), r.metrics().firstCall());
        if (b != null) {
          bars.add(b);
          max = Math.max(max, b.high());
        }
      }
    } else {
      series.addAll(configurations);
      List<Map<String, String>> points = Rows.points(report);
      for (Map<String, String> p : points) {
        categories.add(pointKey(p, paths));
      }
      for (String c : configurations) {
        for (Map<String, String> p : points) {
          ResultRow r = Rows.find(report, c, p);
          Bar b = r == null ? null : bar(configurations.indexOf(c), c, pointKey(p, paths), r.metrics().firstCall());
          if (b != null) {
            bars.add(b);
            max = Math.max(max, b.high());
          }
        }
      }
    }
    String axis = grouped ? String.join(" / ", paths) : null;
    String subtitle = "Share of client instances whose first call failed; whiskers: 95 % Wilson interval"
        + (grouped ? "; grouped by sweep point" : "");
    return new Model(grouped, !grouped && horizontal(configurations), series, categories, bars, axis, Percent.upper(max, FILL), subtitle);
  }

  /** Lines a category label may take before JFreeChart cuts it with "...". */
  static final int LABEL_LINES = 3;

  /**
   * True when configuration names would not fit under vertical bars: more than eight of them,
   * or a name that JFreeChart would cut to "Configu..." in {@link #LABEL_LINES} lines of its
   * category's width (measured with the theme's tick font, as the axis lays it out).
   */
  static boolean horizontal(List<String> names) {
    int n = names.size();
    if (n > 8) {
      return true;
    }
    // the axis gives each category the plot width less its margins (5 % at each end, 40 %
    // between categories: CategoryAxis and setCategoryMargin in chart()), over n
    double width = PLOT_WIDTH * (1 - 0.05 - 0.05 - 0.4) / Math.max(1, n);
    return !names.stream().allMatch(name -> fits(name, width, LABEL_LINES));
  }

  /** The data area's width in a default-theme chart, pixels (1000 less axis, padding and insets). */
  static final double PLOT_WIDTH = 880;

  /** The share of the plot width the names of horizontal bars may take. */
  static final float HORIZONTAL_LABEL_RATIO = 0.45f;

  /** True when {@code text} fits, uncut, in {@code lines} lines of {@code width} pixels of the tick font. */
  static boolean fits(String text, double width, int lines) {
    java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_ARGB);
    java.awt.Graphics2D g2 = img.createGraphics();
    try {
      java.awt.Font font = Theme.DEFAULT.font(java.awt.Font.PLAIN, Theme.DEFAULT.tickSize());
      g2.setFont(font);
      org.jfree.chart.text.TextBlock block = org.jfree.chart.text.TextUtils.createTextBlock(text, font,
          java.awt.Color.BLACK, (float) width, lines, new org.jfree.chart.text.G2TextMeasurer(g2));
      return words(block).equals(text.replaceAll("\\s+", ""));
    } finally {
      g2.dispose();
    }
  }

  /** A text block's text without white space: what is left of a label after layout. */
  static String words(org.jfree.chart.text.TextBlock block) {
    StringBuilder sb = new StringBuilder();
    // createTextBlock gives each line one fragment, the last one ending "..." when it cut
    for (Object line : block.getLines()) {
      sb.append(((org.jfree.chart.text.TextLine) line).getFirstTextFragment().getText());
    }
    return sb.toString().replaceAll("\\s+", "");
  }

  private static Bar bar(int configuration, String seriesKey, String categoryKey, Rate r) {
    if (Double.isNaN(r.value())) {
      return null; // no first calls at all: nothing to draw
    }
    return new Bar(configuration, seriesKey, categoryKey, Percent.clip(r.value()), Percent.clip(r.low()),
        Percent.clip(r.high()));
  }

  /** A point's values as category text, in swept-path order: {@code 10s / 1s}. */
  static String pointKey(Map<String, String> point, List<String> paths) {
    List<String> values = new ArrayList<>();
    for (String p : paths) {
      values.add(point.getOrDefault(p, ""));
    }
    return String.join(" / ", values);
  }

  /** The bars' values, rows and columns in model order (NaN-free: missing bars are absent). */
  public static DefaultCategoryDataset dataset(Model model) {
    DefaultCategoryDataset d = new DefaultCategoryDataset();
    // register every key first so the order is the model's even where a bar is missing
    for (String s : model.series()) {
      for (String c : model.categories()) {
        d.addValue(null, s, c);
      }
    }
    for (Bar b : model.bars()) {
      d.setValue(b.value(), b.seriesKey(), b.categoryKey());
    }
    return d;
  }

  /** The chart of {@code model} in {@code theme}. */
  public static JFreeChart chart(Model model, Theme theme) {
    CategoryAxis x = new CategoryAxis(model.categoryAxisLabel());
    x.setMaximumCategoryLabelLines(3);
    if (model.horizontal()) {
      // names on the left may take this share of the width before they are cut
      x.setMaximumCategoryLabelWidthRatio(HORIZONTAL_LABEL_RATIO);
    }
    x.setCategoryMargin(model.grouped() ? 0.25 : 0.4);
    NumberAxis y = Percent.axis("first-call failure rate", model.upper());
    WhiskerBarRenderer renderer = new WhiskerBarRenderer(model, theme);
    CategoryPlot plot = new CategoryPlot(dataset(model), x, y, renderer);
    plot.setOrientation(model.horizontal() ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL);
    // the percent axis below horizontal bars (JFreeChart's default puts it on top), left of vertical ones
    plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
    JFreeChart chart = new JFreeChart("First-call failure rate", theme.font(java.awt.Font.BOLD, theme.titleSize()),
        plot, true);
    chart.addSubtitle(new TextTitle(model.subtitle()));
    theme.apply(chart);
    renderer.style(theme);
    if (!model.grouped()) {
      // one series, a colour per bar: the legend names each colour, as in the other charts
      LegendItemCollection items = new LegendItemCollection();
      for (int i = 0; i < model.categories().size(); i++) {
        items.add(new LegendItem(model.categories().get(i), theme.color(i)));
      }
      plot.setFixedLegendItems(items);
    }
    return chart;
  }
}
