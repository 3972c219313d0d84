package org.dialsim.report;

import java.util.List;
import java.util.Locale;
import org.dialsim.engine.Time;
import org.dialsim.sim.CallTrace;
import org.dialsim.stack.StackConfig;

/** What the parts of an explanation (its verdict, its text) read: the call's stack and trace, and its times. */
abstract class ExplainedCall {
  final Explanation explanation;
  final StackConfig stack;
  final CallTrace trace;

  ExplainedCall(Explanation explanation) {
    this.explanation = explanation;
    this.stack = explanation.stack();
    this.trace = explanation.trace();
  }

  /** Seconds from the call's start. */
  double rel(long t) {
    return explanation.rel(t);
  }

  /** The attempts of try {@code number} in the order they started. */
  List<CallTrace.Attempt> inTry(int number) {
    return explanation.inTry(number);
  }

  /** A duration for sentences: {@code 20 ms}, {@code 9 s}, {@code 8.995 s}. */
  static String duration(long ns) {
    if (ns < Time.S) {
      double ms = ns / 1e6;
      return (ms == Math.rint(ms) ? String.format(Locale.ROOT, "%d", (long) ms) : String.format(Locale.ROOT, "%.1f", ms)) + " ms";
    }
    double s = ns / 1e9;
    return (s == Math.rint(s) ? String.format(Locale.ROOT, "%d", (long) s) : String.format(Locale.ROOT, "%.3f", s)) + " s";
  }
}
