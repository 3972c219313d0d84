package org.dialsim.chart;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.dialsim.engine.Time;
import org.dialsim.scenario.DurationText;

/**
 * The values of one swept parameter as an axis. Scenarios write them as text ({@code 10s},
 * {@code 0.01}, {@code none}); durations and plain numbers become a numeric axis in increasing
 * order, anything else (or a mix) stays a category axis in the order the scenario wrote it.
 *
 * @param path the swept parameter, e.g. {@code deadline}
 * @param kind how the values were read
 * @param labels the values as written, in axis order
 * @param positions where each label sits: seconds for durations, the number for numbers, the
 *     index for categories
 */
public record SweepValues(String path, Kind kind, List<String> labels, List<Double> positions) {
  private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

  /** A numeric axis spanning more than this ratio is drawn logarithmic (250ms ... 60s). */
  static final double LOG_RATIO = 50;

  /** How the values were read. */
  public enum Kind {
    /** Every value is a duration; positions are seconds. */
    DURATION,
    /** Every value is a plain number. */
    NUMBER,
    /** Anything else: positions are 0, 1, 2 ... in the order written. */
    CATEGORY
  }

  /** Copies the lists. */
  public SweepValues {
    labels = List.copyOf(labels);
    positions = List.copyOf(positions);
  }

  /** The axis of {@code path} whose values, in sweep order, are {@code written} (duplicates ignored). */
  public static SweepValues of(String path, List<String> written) {
    List<String> values = List.copyOf(new LinkedHashSet<>(written));
    Kind kind = Kind.DURATION;
    List<Double> parsed = new ArrayList<>();
    for (String v : values) {
      Double s = seconds(v);
      if (s == null) {
        kind = null;
        break;
      }
      parsed.add(s);
    }
    if (kind == null) {
      kind = Kind.NUMBER;
      parsed.clear();
      for (String v : values) {
        Double n = number(v);
        if (n == null) {
          kind = Kind.CATEGORY;
          break;
        }
        parsed.add(n);
      }
    }
    if (kind == Kind.CATEGORY) {
      List<Double> index = new ArrayList<>();
      for (int i = 0; i < values.size(); i++) {
        index.add((double) i);
      }
      return new SweepValues(path, kind, values, index);
    }
    // numeric: increasing, whatever order the scenario listed them in (stable for equal values)
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingDouble(parsed::get));
    List<String> labels = new ArrayList<>();
    List<Double> positions = new ArrayList<>();
    for (int i : order) {
      labels.add(values.get(i));
      positions.add(parsed.get(i));
    }
    return new SweepValues(path, kind, labels, positions);
  }

  /** The position of {@code label}, or NaN if it is not one of the values. */
  public double position(String label) {
    int i = labels.indexOf(label);
    return i < 0 ? Double.NaN : positions.get(i);
  }

  /** The index of {@code label} in axis order, or -1. */
  public int index(String label) {
    return labels.indexOf(label);
  }

  /** True when the axis is numeric. */
  public boolean numeric() {
    return kind != Kind.CATEGORY;
  }

  /** True when a numeric axis spans so many orders of magnitude that a log scale reads better. */
  public boolean logScale() {
    if (!numeric() || positions.isEmpty()) {
      return false;
    }
    double min = positions.get(0);
    double max = positions.get(positions.size() - 1);
    return min > 0 && max / min >= LOG_RATIO;
  }

  private static Double seconds(String v) {
    try {
      long ns = DurationText.parse(v);
      return Time.seconds(ns);
    } catch (IllegalArgumentException e) {
      return null; // not a duration: the caller tries a number, then falls back to categories
    }
  }

  private static Double number(String v) {
    String s = v.strip();
    if (!NUMBER.matcher(s).matches()) {
      return null;
    }
    double d = Double.parseDouble(s);
    return Double.isFinite(d) ? d : null;
  }
}
