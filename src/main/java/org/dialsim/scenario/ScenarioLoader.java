package org.dialsim.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dialsim.scenario.KeyPath.Step;
import org.dialsim.model.Limits;
import org.dialsim.scenario.Node.Mapping;
import org.dialsim.stats.Measure;

/**
 * Reads a scenario file: YAML into a position-keeping tree, defaults and profiles merged in,
 * bound and validated, the sweep expanded. Every problem comes back as a
 * {@link ScenarioException} of one-line {@code FILE:LINE:COL: KEY: message} entries.
 */
public final class ScenarioLoader {
  private ScenarioLoader() {}

  /** The file size limit in words, from its one home. */
  private static final String MIB = (Limits.MAX_FILE_BYTES >> 20) + " MiB";

  /** Characters over which more problems are not listed: one is enough to see the cause. */
  private static final int MAX_SHOWN_CHARACTERS = 10;

  /**
   * Loads, resolves and validates a scenario file.
   *
   * @throws IOException when the file is missing, unreadable or a directory (the OS's reason)
   * @throws ScenarioException when its content is not a valid scenario
   */
  public static LoadedScenario load(Path file) throws IOException, ScenarioException {
    return load(file, readBounded(file, file.toString()));
  }

  /** Loads a scenario file's bytes as if read from {@code file} (used by load and the fuzz test). */
  static LoadedScenario load(Path file, byte[] bytes) throws ScenarioException {
    return load(file, decode(bytes, file.toString()));
  }

  /** Loads scenario text as if read from {@code file} (by load, tests, and merge from a part's copy). */
  public static LoadedScenario load(Path file, String text) throws ScenarioException {
    String name = file.toString();
    Problems p = new Problems(name);
    printable(text, name);
    if (text.length() > Limits.MAX_FILE_BYTES) {
      fail(name, "the text has " + text.length() + " characters; the limit is " + Limits.MAX_FILE_BYTES + " (" + MIB + ")");
    }
    Node root = YamlReader.read(text, name, p);
    p.throwIfAny();
    if (root == null) {
      // an empty file is a content problem: point at its start so every tool can place it
      throw new ScenarioException(List.of(new Problem(name, 1, 1, "",
          "the file is empty; a scenario needs at least name, hosts, dns, calls and configurations")));
    }
    if (!(root instanceof Mapping user)) {
      p.add(root, "", "a scenario is a map of keys (name:, hosts:, dns:, ...), not " + root.describe());
      throw new ScenarioException(p.sorted());
    }
    Mapping merged = Resolve.scenario(user, p);
    Scenario single = Binder.scenario(merged, Map.of(), p);
    Sweep sweep = Sweep.parse(merged, p);
    List<Expectation> expectations = Binder.expectations(merged, sweep, p);
    p.throwIfAny();

    List<Scenario> points = sweep.isEmpty() ? List.of(single) : expand(merged, sweep, name, p);
    limits(points, merged, expectations, p);
    p.throwIfAny();
    return new LoadedScenario(file, points, expectations, sweep.typed(), JsonRender.render(merged), text);
  }

  /**
   * Binds every point of the grid. Each value is first checked alone, so a bad value is reported
   * once at its place in {@code sweep:} (key {@code sweep.PATH[i]}) rather than once per point.
   */
  private static List<Scenario> expand(Mapping merged, Sweep sweep, String name, Problems p)
      throws ScenarioException {
    for (int a = 0; a < sweep.axes().size(); a++) {
      Sweep.Axis axis = sweep.axes().get(a);
      for (int v = 0; v < axis.values().size(); v++) {
        Problems alone = new Problems(name);
        Binder.scenario(sweep.applyOne(merged, a, v), Map.of(), alone);
        for (Problem q : alone.sorted()) {
          p.add(new Pos(q.file(), q.line(), q.column()), sweptKey(q.key(), axis, v), q.message());
        }
      }
    }
    p.throwIfAny();
    List<Scenario> points = new ArrayList<>();
    int[] choice = new int[sweep.axes().size()];
    do {
      Scenario s = Binder.scenario(sweep.apply(merged, choice), sweep.point(choice), p);
      if (s != null) {
        points.add(s);
      }
    } while (sweep.next(choice));
    p.throwIfAny();
    return points;
  }

  /** A problem's key under the swept value that caused it: {@code sweep.deadline[2]}. */
  private static String sweptKey(String key, Sweep.Axis axis, int value) {
    for (List<Step> t : axis.targets()) {
      String target = KeyPath.format(t);
      if (key.equals(target) || key.startsWith(target + ".") || key.startsWith(target + "[")) {
        return "sweep." + axis.key() + "[" + value + "]" + key.substring(target.length());
      }
    }
    return key;
  }

  /**
   * The calls a run of these points would simulate with {@code replications} each, saturating
   * above {@link Limits#MAX_CALLS} (so no product of large counts can overflow into a small number).
   */
  public static long calls(List<Scenario> points, int replications) {
    long calls = 0;
    for (Scenario s : points) {
      long perPoint = (long) s.topology().workload().clients() * s.topology().workload().callsPerClient();
      perPoint = saturatingTimes(perPoint, replications);
      perPoint = saturatingTimes(perPoint, s.configurations().size());
      calls = calls > Limits.MAX_CALLS ? calls : calls + Math.min(perPoint, Limits.MAX_CALLS + 1);
    }
    return calls;
  }

  /** The most calls one run may simulate: clients x calls x replications x configurations x points. */
  public static long maxCalls() {
    return Limits.MAX_CALLS;
  }

  private static long saturatingTimes(long a, long b) {
    return Math.multiplyHigh(a, b) != 0 || a * b < 0 ? Long.MAX_VALUE : a * b;
  }

  /** Limits that depend on all points: total work, and calls an expectation refers to. */
  private static void limits(List<Scenario> points, Mapping merged, List<Expectation> expectations, Problems p) {
    int maxPerClient = 0;
    for (Scenario s : points) {
      maxPerClient = Math.max(maxPerClient, s.topology().workload().callsPerClient());
    }
    if (calls(points, points.get(0).replications()) > Limits.MAX_CALLS) {
      Node at = merged.get("replications");
      p.add(at, "replications", "the run would simulate more than " + Limits.MAX_CALLS
          + " calls (clients.count x calls.per_client x replications x configurations x sweep points); lower one of them");
    }
    for (int i = 0; i < expectations.size(); i++) {
      Expectation e = expectations.get(i);
      int k = Math.max(0, Measure.callOf(e.metric()));
      if (k > maxPerClient) {
        p.add(new Pos(p.file(), e.line(), e.column()), KeyPath.child(KeyPath.index("expect", i), "metric"),
            "call " + k + " is never made; calls.per_client is at most " + maxPerClient);
      }
    }
  }

  /**
   * The file's bytes. A missing or unreadable file, or a directory, is an I/O error (exit 4);
   * one over the size limit is an invalid scenario.
   */
  private static byte[] readBounded(Path file, String name) throws IOException, ScenarioException {
    if (Files.isDirectory(file)) {
      throw new FileSystemException(name, null, "is a directory; give a scenario .yaml file");
    }
    try (InputStream in = Files.newInputStream(file)) {
      // read one byte past the limit: a growing file or a device has no trustworthy size
      byte[] bytes = in.readNBytes(Limits.MAX_FILE_BYTES + 1);
      if (bytes.length > Limits.MAX_FILE_BYTES) {
        long size = Files.isRegularFile(file) ? Files.size(file) : bytes.length;
        fail(name, "the file is " + size + " bytes; the limit is " + Limits.MAX_FILE_BYTES
            + " bytes (" + MIB + "), far above any real scenario");
      }
      return bytes;
    }
  }

  /** Strict UTF-8, without a byte order mark; a bad byte is named with its line and column. */
  private static String decode(byte[] bytes, String name) throws ScenarioException {
    try {
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
      return text.startsWith("\ufeff") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      int bad = firstBad(bytes);
      // the text before the bad byte is valid UTF-8: count its lines and code points
      String before = new String(bytes, 0, bad, StandardCharsets.UTF_8);
      int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
      String last = before.substring(before.lastIndexOf('\n') + 1);
      int column = 1 + last.codePointCount(0, last.length());
      throw new ScenarioException(List.of(new Problem(name, line, column, "", String.format(Locale.ROOT,
          "the byte 0x%02X is not UTF-8 text (the file may be saved as Latin-1 or Windows-1252); save it as UTF-8",
          bytes[bad] & 0xff))));
    }
  }

  /** Refuses characters YAML does not allow (control characters), each at its line and column. */
  private static void printable(String text, String name) throws ScenarioException {
    List<Problem> found = new ArrayList<>();
    int line = 1;
    int column = 1;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      if (c == '\n') {
        line++;
        column = 1;
      } else {
        if (!isPrintable(c) && found.size() < MAX_SHOWN_CHARACTERS) {
          found.add(new Problem(name, line, column, "", "the character " + Messages.codePoint(c)
              + " is not allowed in YAML (a control character); remove it"));
        }
        column++;
      }
      i += Character.charCount(c);
    }
    if (!found.isEmpty()) {
      throw new ScenarioException(found);
    }
  }

  /** YAML 1.1's printable set: tab, line breaks, and everything visible except the C1 controls. */
  private static boolean isPrintable(int c) {
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0x7E) || c == 0x85 || (c >= 0xA0 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
  }

  /** The offset of the first byte that starts no valid UTF-8 sequence. */
  private static int firstBad(byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CoderResult r = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .decode(in, CharBuffer.allocate(bytes.length + 1), true);
    // a sequence cut off at the end of the file shows as an error only on flush: the last byte
    return r.isError() ? in.position() : Math.max(0, bytes.length - 1);
  }


  /** A problem of the file as a whole, reported at its start so every message has a line. */
  private static void fail(String name, String message) throws ScenarioException {
    throw new ScenarioException(List.of(new Problem(name, 1, 1, "", message)));
  }
}
