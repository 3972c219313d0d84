package org.dialsim.cli;

/** dialsim's exit codes (SPEC 4, binding). */
public final class ExitCode {
  /** Success. */
  public static final int OK = 0;
  /** An expectation failed: the regression signal. */
  public static final int EXPECTATION_FAILED = 1;
  /** Usage error (picocli's). */
  public static final int USAGE = 2;
  /** Invalid scenario: YAML syntax, schema, semantics or size limits. */
  public static final int INVALID_SCENARIO = 3;
  /** Internal or I/O error. */
  public static final int INTERNAL = 4;

  /** The table printed at the end of every --help. */
  static final String HELP_FOOTER = """

      Exit codes:
        0  success
        1  an expectation failed (the regression signal of `dialsim check`)
        2  usage error: unknown option or missing argument
        3  invalid scenario: YAML syntax, schema, semantics or size limits
        4  internal or I/O error
      """;

  private ExitCode() {}
}
