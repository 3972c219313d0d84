package org.dialsim.scenario;

/**
 * Where a key or value was written: the file as shown to the user and a 1-based line and
 * column. Line 0 means "no position" (a problem with the file as a whole).
 *
 * @param file the file name as messages show it
 * @param line 1-based line, or 0
 * @param column 1-based column, or 0
 */
record Pos(String file, int line, int column) {
  /** The file as a whole, without a position. */
  static Pos of(String file) {
    return new Pos(file, 0, 0);
  }
}
