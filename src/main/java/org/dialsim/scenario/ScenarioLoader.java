package org.dialsim.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

  /** Loads, resolves and validates a scenario file. */
  public static LoadedScenario load(Path file) throws ScenarioException {
    String name = file.toString();
    return load(file, decode(readBounded(file, name), name));
  }

  /** Loads scenario text as if read from {@code file} (used by tests and by load). */
  static LoadedScenario load(Path file, String text) throws ScenarioException {
    String name = file.toString();
    Problems p = new Problems(name);
    if (text.length() > Limits.MAX_FILE_BYTES) {
      fail(name, "the text has " + text.length() + " characters; the limit is " + Limits.MAX_FILE_BYTES + " (1 MiB)");
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
    return new LoadedScenario(file, points, expectations, sweep.typed(), JsonRender.render(merged));
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

  /** The file's bytes, refusing a missing file, a directory or more than the size limit. */
  private static byte[] readBounded(Path file, String name) throws ScenarioException {
    if (Files.isDirectory(file)) {
      fail(name, "is a directory; give a scenario .yaml file");
    }
    try (InputStream in = Files.newInputStream(file)) {
      // read one byte past the limit: a growing file or a device has no trustworthy size
      byte[] bytes = in.readNBytes(Limits.MAX_FILE_BYTES + 1);
      if (bytes.length > Limits.MAX_FILE_BYTES) {
        long size = Files.isRegularFile(file) ? Files.size(file) : bytes.length;
        fail(name, "the file is " + size + " bytes; the limit is " + Limits.MAX_FILE_BYTES
            + " bytes (1 MiB), far above any real scenario");
      }
      return bytes;
    } catch (NoSuchFileException e) {
      fail(name, "no such file");
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
    }
  }

  /** Strict UTF-8, without a byte order mark. */
  private static String decode(byte[] bytes, String name) throws ScenarioException {
    try {
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
      return text.startsWith("\ufeff") ? text.substring(1) : text;
    } catch (MalformedInputException e) {
      fail(name, "is not UTF-8 text (bad bytes near byte " + firstBad(bytes) + "); save it as UTF-8");
      return null;
    } catch (CharacterCodingException e) {
      fail(name, "is not UTF-8 text; save it as UTF-8");
      return null;
    }
  }

  private static int firstBad(byte[] bytes) {
    var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
    for (int end = 1; end <= bytes.length; end++) {
      try {
        decoder.reset().decode(ByteBuffer.wrap(bytes, 0, end));
      } catch (CharacterCodingException e) {
        // a truncated multi-byte sequence at the end is not yet an error
        if (end == bytes.length || !(e instanceof MalformedInputException m) || m.getInputLength() > 0) {
          return end - 1;
        }
      }
    }
    return bytes.length;
  }

  private static void fail(String name, String message) throws ScenarioException {
    throw new ScenarioException(List.of(new Problem(name, 0, 0, "", message)));
  }
}
