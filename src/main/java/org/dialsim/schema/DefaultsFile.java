package org.dialsim.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * defaults.yaml read with its comments: every key with its default value and the comment that
 * documents it (the text after {@code #} on the key's line, and the comment lines below it that
 * are indented further than the key), and the section summaries of the file's header.
 */
final class DefaultsFile {
  /** Where the loader reads its defaults; the one source of the schema. */
  static final String RESOURCE = "/org/dialsim/defaults.yaml";

  /** A header line of the "Sections:" list: {@code #   host           every entry of hosts:}. */
  private static final Pattern SECTION_LINE = Pattern.compile("^#\\s{3}([a-z_]+)\\s{2,}(\\S.*)$");

  /**
   * One key.
   *
   * @param name the key
   * @param value its default as SnakeYAML composed it (a null-tagged scalar for {@code ~})
   * @param comment what the file says about it, lines joined by spaces; empty when nothing
   * @param children the keys of a map value, in file order; empty otherwise
   */
  record Entry(String name, Node value, String comment, List<Entry> children) {
    /** Copies the list. */
    Entry {
      children = List.copyOf(children);
    }

    /** The child called {@code key}, or null. */
    Entry child(String key) {
      return children.stream().filter(c -> c.name.equals(key)).findFirst().orElse(null);
    }
  }

  private final Map<String, Entry> sections;
  private final Map<String, String> summaries;

  private DefaultsFile(Map<String, Entry> sections, Map<String, String> summaries) {
    this.sections = sections;
    this.summaries = summaries;
  }

  /** The file on the class path, as the loader reads it. */
  static DefaultsFile load() {
    try (InputStream in = DefaultsFile.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the class path");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code text} read as a defaults file. */
  static DefaultsFile parse(String text) {
    String[] lines = text.split("\n", -1);
    Node root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
    if (!(root instanceof MappingNode map)) {
      throw new IllegalStateException("defaults.yaml is not a map of sections");
    }
    Map<String, Entry> sections = new LinkedHashMap<>();
    for (Entry e : entries(map, lines)) {
      sections.put(e.name(), e);
    }
    Map<String, String> summaries = new LinkedHashMap<>();
    for (String line : lines) {
      Matcher m = SECTION_LINE.matcher(line);
      if (m.matches()) {
        summaries.put(m.group(1), m.group(2).strip());
      }
    }
    return new DefaultsFile(sections, summaries);
  }

  /** The top-level section called {@code name}, or null. */
  Entry section(String name) {
    return sections.get(name);
  }

  /** Section names in file order. */
  List<String> sectionNames() {
    return List.copyOf(sections.keySet());
  }

  /** The header's one-line summary of section {@code name} ("every entry of hosts:"), or null. */
  String summary(String name) {
    return summaries.get(name);
  }

  private static List<Entry> entries(MappingNode map, String[] lines) {
    List<Entry> out = new ArrayList<>();
    for (NodeTuple t : map.getValue()) {
      String key = ((ScalarNode) t.getKeyNode()).getValue();
      int line = t.getKeyNode().getStartMark().getLine();
      int column = t.getKeyNode().getStartMark().getColumn();
      Node value = t.getValueNode();
      List<Entry> children = value instanceof MappingNode m ? entries(m, lines) : List.of();
      out.add(new Entry(key, value, comment(lines, line, column), children));
    }
    return out;
  }

  /** The comment on {@code line} and the comment-only lines right below it indented past {@code column}. */
  private static String comment(String[] lines, int line, int column) {
    List<String> parts = new ArrayList<>();
    int hash = commentStart(lines[line]);
    if (hash >= 0) {
      parts.add(lines[line].substring(hash + 1).strip());
    }
    for (int i = line + 1; i < lines.length; i++) {
      String l = lines[i];
      String stripped = l.stripLeading();
      int indent = l.length() - stripped.length();
      if (!stripped.startsWith("#") || indent <= column) {
        break;
      }
      parts.add(stripped.substring(1).strip());
    }
    return String.join(" ", parts).strip();
  }

  /** Where the comment of a YAML line starts: the first {@code #} after a space outside quotes, or -1. */
  private static int commentStart(String line) {
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
        return i;
      }
    }
    return -1;
  }
}
