package org.dialsim.chart;

import java.awt.BasicStroke;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps lines that lie on top of each other visible. Common random numbers make configurations
 * that behave alike give exactly the same numbers, and JFreeChart would draw the later line
 * over the earlier one. Here every line gets its own marker shape (the first filled, the others
 * hollow and larger, so a marker under another still shows its rim); a line that shares a
 * segment with earlier ones is dashed so that the lines below show through its gaps, each of a
 * group in its own phase; and a line identical to an earlier one says so in the legend
 * ("same as UCMA 4.0").
 *
 * @param sameAs for each line, the index of the first earlier line with exactly the same points,
 *     or -1
 * @param group for each line, its place among the lines it shares a segment with (0: drawn
 *     solid), and {@link #groupSize} their number
 * @param groupSize for each line, how many lines share a segment with it, itself included
 */
public record Overlap(List<Integer> sameAs, List<Integer> group, List<Integer> groupSize) {
  /** Dash length of a line drawn over others, pixels. */
  static final float DASH = 7f;

  /** Copies the lists. */
  public Overlap {
    sameAs = List.copyOf(sameAs);
    group = List.copyOf(group);
    groupSize = List.copyOf(groupSize);
  }

  /** The overlaps of lines given as x/y point lists (each sorted by x), in drawing order. */
  public static Overlap of(List<List<double[]>> lines) {
    int n = lines.size();
    List<Integer> same = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int s = -1;
      for (int j = 0; j < i && s < 0; j++) {
        if (!lines.get(i).isEmpty() && equal(lines.get(i), lines.get(j))) {
          s = j;
        }
      }
      same.add(s);
    }
    // connected groups of lines sharing at least one segment (or being one identical point)
    int[] root = new int[n];
    for (int i = 0; i < n; i++) {
      root[i] = i;
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        if (shareSegment(lines.get(i), lines.get(j)) || (same.get(i) == j)) {
          root[find(root, i)] = find(root, j);
        }
      }
    }
    List<Integer> group = new ArrayList<>();
    List<Integer> size = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int place = 0;
      int count = 0;
      for (int j = 0; j < n; j++) {
        if (find(root, j) == find(root, i)) {
          count++;
          if (j < i) {
            place++;
          }
        }
      }
      group.add(place);
      size.add(count);
    }
    return new Overlap(same, group, size);
  }

  private static int find(int[] root, int i) {
    while (root[i] != i) {
      i = root[i];
    }
    return i;
  }

  private static boolean equal(List<double[]> a, List<double[]> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int k = 0; k < a.size(); k++) {
      if (a.get(k)[0] != b.get(k)[0] || a.get(k)[1] != b.get(k)[1]) {
        return false;
      }
    }
    return true;
  }

  private static boolean shareSegment(List<double[]> a, List<double[]> b) {
    for (int k = 0; k + 1 < a.size(); k++) {
      for (int m = 0; m + 1 < b.size(); m++) {
        if (same(a.get(k), b.get(m)) && same(a.get(k + 1), b.get(m + 1))) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean same(double[] p, double[] q) {
    return p[0] == q[0] && p[1] == q[1];
  }

  /** The legend text of line {@code i} named {@code name}, among lines named {@code names}. */
  public String legend(int i, List<String> names) {
    int s = sameAs.get(i);
    return s < 0 ? names.get(i) : names.get(i) + " (same as " + names.get(s) + ")";
  }

  /** True when line {@code i} is drawn over another and so dashed. */
  public boolean dashed(int i) {
    return group.get(i) > 0;
  }

  /**
   * The stroke of line {@code i}: solid for the first of its group; otherwise dashes of
   * {@link #DASH} pixels, one in every {@code groupSize}, at the line's own phase, so that on a
   * shared segment each line of the group shows in turn.
   */
  public Stroke stroke(int i, float width) {
    if (!dashed(i)) {
      return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }
    int m = groupSize.get(i);
    int j = group.get(i);
    float gap = DASH * (m - 1);
    // the dash of place j covers [j, j + 1) dash lengths of each period of m
    float phase = (DASH * (m - j)) % (DASH * m);
    return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {DASH, gap}, phase);
  }

  /** True when line {@code i}'s markers are filled: only the first of each group. */
  public boolean filled(int i) {
    return !dashed(i);
  }

  /**
   * The marker of line {@code i}: a different shape for each line, those drawn over others
   * larger and hollow.
   */
  public Shape shape(int i) {
    double d = dashed(i) ? 12 + 2 * Math.min(group.get(i), 3) : 8;
    return switch (Math.floorMod(i, 4)) {
      case 0 -> new Ellipse2D.Double(-d / 2, -d / 2, d, d);
      case 1 -> new Rectangle2D.Double(-d / 2, -d / 2, d, d);
      case 2 -> triangle(d);
      default -> diamond(d);
    };
  }

  private static Shape triangle(double d) {
    Path2D.Double p = new Path2D.Double();
    p.moveTo(0, -d / 2 - 1);
    p.lineTo(d / 2 + 1, d / 2);
    p.lineTo(-d / 2 - 1, d / 2);
    p.closePath();
    return p;
  }

  private static Shape diamond(double d) {
    Path2D.Double p = new Path2D.Double();
    p.moveTo(0, -d / 2 - 1);
    p.lineTo(d / 2 + 1, 0);
    p.lineTo(0, d / 2 + 1);
    p.lineTo(-d / 2 - 1, 0);
    p.closePath();
    return p;
  }
}
