package org.dialsim.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * One swept parameter with its values as the loader read them: their text for display and,
 * where the values are durations or plain numbers, the number each stands for.
 *
 * @param path the swept path as written, e.g. {@code deadline}
 * @param kind what the values are
 * @param values the values in the order the scenario lists them
 */
public record SweepAxis(String path, Kind kind, List<Value> values) {
  /** What a swept parameter's values are. */
  public enum Kind {
    /** Every value is a duration; numbers are seconds. */
    DURATION,
    /** Every value is a plain number. */
    NUMBER,
    /** Anything else (or a mix): numbers are 0, 1, 2 ... in written order. */
    CATEGORY
  }

  /**
   * One swept value.
   *
   * @param text as written in {@code sweep:} (the key of a row's point)
   * @param number seconds for a duration, the number itself, or the index of a category
   */
  public record Value(String text, double number) {}

  /** Copies the values. */
  public SweepAxis {
    values = List.copyOf(values);
  }

  /** The values' text, in written order. */
  public List<String> texts() {
    List<String> out = new ArrayList<>(values.size());
    for (Value v : values) {
      out.add(v.text());
    }
    return out;
  }

  /** The swept paths of {@code axes}, in order. */
  public static List<String> paths(List<SweepAxis> axes) {
    List<String> out = new ArrayList<>(axes.size());
    for (SweepAxis a : axes) {
      out.add(a.path());
    }
    return List.copyOf(out);
  }
}
