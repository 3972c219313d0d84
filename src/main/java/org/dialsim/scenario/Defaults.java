package org.dialsim.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dialsim.scenario.Node.Mapping;

/**
 * The documented defaults ({@code org/dialsim/defaults.yaml}): the value of every key a
 * scenario leaves out, the neutral stack and the SYN presets.
 * Read once with the scenario reader; a broken resource is a build error, not a user error.
 */
final class Defaults {
  /** The name positions inside the resource are reported with. */
  static final String FILE = "defaults.yaml";

  private static final String RESOURCE = "/org/dialsim/defaults.yaml";

  private Defaults() {}

  /** Loaded on first use; immutable afterwards. */
  private static final class Loaded {
    static final Mapping ROOT = readResource(RESOURCE, FILE);
  }

  /** The defaults of the top-level scenario keys. */
  static Mapping scenario() {
    return section("scenario");
  }

  /** The defaults of one {@code hosts:} entry. */
  static Mapping host() {
    return section("host");
  }

  /** The defaults of one {@code network.paths} rule. */
  static Mapping path() {
    return section("path");
  }

  /** The defaults of one down window ({@code hosts.NAME.down}, {@code network.faults[i].down}). */
  static Mapping window() {
    return section("window");
  }

  /** The defaults of one {@code network.faults} entry. */
  static Mapping fault() {
    return section("fault");
  }

  /** The defaults of one {@code dns.names} entry. */
  static Mapping name() {
    return section("name");
  }

  /** The defaults of one record of a name's {@code https} list. */
  static Mapping httpsRecord() {
    return section("https_record");
  }

  /** The defaults of one {@code configurations} entry. */
  static Mapping configuration() {
    return section("configuration");
  }

  /** The defaults of one {@code expect} entry. */
  static Mapping expectation() {
    return section("expectation");
  }

  /** The neutral stack every stack starts from. */
  static Mapping stack() {
    return section("stack");
  }

  /** A SYN preset as a map of syn keys, or null when there is none of that name. */
  static Mapping synPreset(String name) {
    return section("syn_presets").get(name) instanceof Mapping m ? m : null;
  }

  /** The SYN preset names. */
  static List<String> synPresetNames() {
    return section("syn_presets").keys();
  }

  private static Mapping section(String key) {
    if (Loaded.ROOT.get(key) instanceof Mapping m) {
      return m;
    }
    throw new IllegalStateException(FILE + " has no section " + key);
  }

  /** Reads a bundled YAML resource that must be a map; any problem is a packaging bug. */
  static Mapping readResource(String resource, String file) {
    try (InputStream in = Defaults.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("resource " + resource + " is missing from the build");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      Problems problems = new Problems(file);
      Node root = YamlReader.read(text, file, problems);
      if (!problems.isEmpty()) {
        throw new IllegalStateException(new ScenarioException(problems.sorted()).getMessage());
      }
      if (!(root instanceof Mapping m)) {
        throw new IllegalStateException(file + " is not a map");
      }
      return m;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
