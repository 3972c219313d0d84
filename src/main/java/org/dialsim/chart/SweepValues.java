package org.dialsim.chart;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dialsim.stats.SweepAxis;
import org.dialsim.stats.SweepAxis.Kind;

/**
 * The values of one swept parameter as an axis. Durations and plain numbers (as the loader read
 * them) make a numeric axis in increasing order; anything else stays a category axis in the
 * order the scenario wrote it.
 *
 * @param path the swept parameter, e.g. {@code deadline}
 * @param kind what the values are
 * @param labels the values as written, in axis order
 * @param positions where each label sits: seconds for durations, the number for numbers, the
 *     index for categories
 */
public record SweepValues(String path, Kind kind, List<String> labels, List<Double> positions) {
  /** A numeric axis spanning more than this ratio is drawn logarithmic (250ms ... 60s). */
  static final double LOG_RATIO = 50;

  /** Copies the lists. */
  public SweepValues {
    labels = List.copyOf(labels);
    positions = List.copyOf(positions);
  }

  /** The axis of a swept parameter (duplicate values ignored). */
  public static SweepValues of(SweepAxis axis) {
    Map<String, Double> values = new LinkedHashMap<>();
    for (SweepAxis.Value v : axis.values()) {
      values.putIfAbsent(v.text(), v.number());
    }
    List<String> labels = new ArrayList<>(values.keySet());
    if (axis.kind() != Kind.CATEGORY) {
      // numeric: increasing, whatever order the scenario listed them in (stable for equal values)
      labels.sort(Comparator.comparingDouble(values::get));
    }
    List<Double> positions = new ArrayList<>();
    for (String l : labels) {
      positions.add(axis.kind() == Kind.CATEGORY ? positions.size() : values.get(l));
    }
    return new SweepValues(axis.path(), axis.kind(), labels, positions);
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
}
