package org.dialsim.cli;

import java.util.IllegalFormatException;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Help text wrapped between words only. picocli breaks lines where {@link java.text.BreakIterator}
 * allows, which is also inside {@code index.html}, {@code shard-i-of-n.json}, {@code e.g.} and
 * {@code reports/junit.xml}: a file name cut in two cannot be copied. Indented lines (examples,
 * the exit-code table) are printed as written, so a narrow terminal soft-wraps a command
 * instead of breaking it.
 */
final class HelpLayout {
  private HelpLayout() {}

  /** Renders header, description, footer, options and parameters of the whole command tree so. */
  static void apply(CommandLine root) {
    Map<String, CommandLine.IHelpSectionRenderer> sections = root.getHelpSectionMap();
    sections.put(UsageMessageSpec.SECTION_KEY_HEADER, h -> prose(h, h.commandSpec().usageMessage().header()));
    sections.put(UsageMessageSpec.SECTION_KEY_DESCRIPTION, h -> prose(h, h.commandSpec().usageMessage().description()));
    sections.put(UsageMessageSpec.SECTION_KEY_FOOTER, h -> prose(h, h.commandSpec().usageMessage().footer()));
    sections.put(UsageMessageSpec.SECTION_KEY_OPTION_LIST,
        h -> h.optionList(layout(h), h.createDefaultOptionSort(), h.parameterLabelRenderer()));
    sections.put(UsageMessageSpec.SECTION_KEY_PARAMETER_LIST, h -> h.parameterList(layout(h), h.parameterLabelRenderer()));
    root.setHelpSectionMap(sections); // and every subcommand's
  }

  /**
   * Lines as picocli's {@code Help.join} formats them ({@code %n}, {@code %%}), each plain one a
   * paragraph wrapped to the width, each indented or multi-line one kept as written.
   */
  static String prose(Help help, String[] lines) {
    int width = help.commandSpec().usageMessage().width();
    StringBuilder sb = new StringBuilder();
    for (String line : lines) {
      for (String l : format(line).split("\r?\n", -1)) {
        if (l.isEmpty() || Character.isWhitespace(l.charAt(0))) {
          sb.append(l.stripTrailing()).append(System.lineSeparator());
          continue;
        }
        int start = 0;
        for (int end : breaks(l, width, width)) {
          sb.append(l, start, end).append(System.lineSeparator());
          start = end + 1;
        }
      }
    }
    return sb.toString();
  }

  /** picocli's own formatting of a description line: a line it cannot format stays as written. */
  private static String format(String line) {
    try {
      return String.format(line);
    } catch (IllegalFormatException e) {
      return line;
    }
  }

  /**
   * Where the lines of {@code text} end when it is wrapped at spaces into {@code first} columns
   * on its first line and {@code next} on later ones: the index of the space each line ends
   * before, and the text's length for the last. As in picocli, a line that goes on leaves room
   * for its space, so only the last line may fill every column. A word longer than a line stays
   * whole.
   */
  static int[] breaks(String text, int first, int next) {
    int[] ends = new int[text.length() + 1];
    int n = 0;
    int start = 0;
    int room = first;
    while (text.length() - start > room) {
      int end = text.lastIndexOf(' ', start + room - 1);
      if (end <= start) {
        end = text.indexOf(' ', start + room);
        if (end < 0) {
          break;
        }
      }
      ends[n++] = end;
      start = end + 1;
      room = next;
    }
    ends[n++] = text.length();
    return java.util.Arrays.copyOf(ends, n);
  }

  /** picocli's default option and parameter layout over a table that wraps at spaces. */
  private static Help.Layout layout(Help help) {
    Help.ColorScheme colors = help.colorScheme();
    int longOptions = help.calcLongOptionColumnWidth(help.commandSpec().options(),
        help.commandSpec().positionalParameters(), colors);
    Help.TextTable defaults = Help.TextTable.forDefaultColumns(colors, longOptions, help.commandSpec().usageMessage().width());
    return new Help.Layout(colors, new SpaceWrappedTable(colors, defaults.columns()), help.createDefaultOptionRenderer(),
        help.createDefaultParameterRenderer());
  }

  /** A text table whose wrapping column breaks lines at spaces, then leaves each piece to picocli. */
  private static final class SpaceWrappedTable extends Help.TextTable {
    private final Help.ColorScheme colors;

    SpaceWrappedTable(Help.ColorScheme colors, Column[] columns) {
      super(colors, columns);
      this.colors = colors;
    }

    @Override
    public Cell putValue(int row, int col, Text value) {
      Column column = columns()[col];
      if (column.overflow != Column.Overflow.WRAP || value == null) {
        return super.putValue(row, col, value);
      }
      String plain = value.plainString();
      int first = column.width - column.indent;
      int[] ends = breaks(plain, first, first - indentWrappedLines);
      Cell cell = null;
      int start = 0;
      int r = row;
      for (int i = 0; i < ends.length; i++) {
        Text piece = value.substring(start, ends[i]);
        if (i > 0) {
          addEmptyRow();
          r++;
          piece = colors.text(" ".repeat(indentWrappedLines)).concat(piece);
        }
        cell = super.putValue(r, col, piece);
        r = cell.row;
        start = ends[i] + 1;
      }
      return cell;
    }
  }
}
