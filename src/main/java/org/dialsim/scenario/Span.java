package org.dialsim.scenario;

/** Which durations a key accepts: whether 0s is allowed, and whether {@code none} (no limit) is. */
enum Span {
  /** 0s or more: a delay or an offset. */
  AT_LEAST_ZERO(false, false),
  /** Above 0s: a timeout of nothing would be meaningless. */
  POSITIVE(false, true),
  /** 0s or more, or {@code none}. */
  AT_LEAST_ZERO_OR_NONE(true, false),
  /** Above 0s, or {@code none} for no limit. */
  POSITIVE_OR_NONE(true, true);

  private final boolean noneAllowed;
  private final boolean positive;

  Span(boolean noneAllowed, boolean positive) {
    this.noneAllowed = noneAllowed;
    this.positive = positive;
  }

  /** True when {@code none} is accepted. */
  boolean noneAllowed() {
    return noneAllowed;
  }

  /** True when 0s is refused. */
  boolean positive() {
    return positive;
  }
}
