package org.dialsim.scenario;

import java.util.List;

/**
 * A scenario file cannot be used: YAML syntax, unknown keys, bad values, broken references or
 * size limits. Carries every problem found, sorted by position; the message is one line each.
 */
public final class ScenarioException extends Exception {
  /** Enough lines for any real mistake; a runaway file would otherwise flood the terminal. */
  private static final int SHOWN = 100;

  private final List<Problem> problems;

  /** An exception for these problems (at least one). */
  public ScenarioException(List<Problem> problems) {
    super(null, null, false, false); // the message is the product; a stack trace would be noise
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a ScenarioException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  /** Every problem, sorted by file position. */
  public List<Problem> problems() {
    return problems;
  }

  /** The problems, one per line. */
  @Override
  public String getMessage() {
    StringBuilder sb = new StringBuilder();
    int n = Math.min(SHOWN, problems.size());
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        sb.append('\n');
      }
      sb.append(problems.get(i));
    }
    if (problems.size() > n) {
      sb.append('\n').append(problems.get(0).file()).append(": ")
          .append(problems.size() - n).append(" more problems not shown");
    }
    return sb.toString();
  }
}
