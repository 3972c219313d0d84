package org.dialsim.scenario;

import java.nio.file.Path;
import java.util.List;
import org.dialsim.stats.SweepAxis;

/**
 * A scenario file read, resolved and validated.
 *
 * @param file the file as given
 * @param points one scenario per sweep point, in sweep order (one element without a sweep)
 * @param expectations the {@code expect:} assertions, in written order
 * @param sweep the swept parameters (their paths are each point's {@link Scenario#point()} keys)
 *     with their values, empty without a sweep
 * @param resolvedJson the merged tree, every default filled in and every stack resolved, as a
 *     JSON object: "the resolved scenario" of results.json
 * @param text the file as written
 */
public record LoadedScenario(
    Path file,
    List<Scenario> points,
    List<Expectation> expectations,
    List<SweepAxis> sweep,
    String resolvedJson,
    String text) {
  /** Copies the lists. */
  public LoadedScenario {
    points = List.copyOf(points);
    expectations = List.copyOf(expectations);
    sweep = List.copyOf(sweep);
  }

  /** The swept parameter paths as written, in order. */
  public List<String> sweptPaths() {
    return SweepAxis.paths(sweep);
  }
}
