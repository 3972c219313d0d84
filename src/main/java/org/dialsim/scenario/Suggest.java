package org.dialsim.scenario;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** "Did you mean" for misspelt keys and values. */
public final class Suggest {
  private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

  private Suggest() {}

  /**
   * The choice nearest to {@code wrong}, if it is near enough to be a likely typo: at most two
   * edits, or a third of the word for long words. Case is ignored, so {@code IPv4} finds
   * {@code ipv4}.
   */
  public static Optional<String> nearest(String wrong, Collection<String> choices) {
    String w = wrong.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : choices) {
      int d = DISTANCE.apply(w, c.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    int limit = Math.max(2, w.length() / 3);
    return best != null && bestDistance <= limit ? Optional.of(best) : Optional.empty();
  }

  /**
   * {@code did you mean "x"?} when a choice is near, else {@code PLURAL are a, b, c}: for
   * references to names the file defines ({@code hosts are fe1, fe2}).
   */
  static String reference(String wrong, Collection<String> choices, String plural) {
    return nearest(wrong, choices).map(n -> "did you mean " + Messages.quote(n) + "?")
        .orElse(plural + " are " + Messages.list(choices));
  }

  /** {@code did you mean "x"?} when a choice is near, else {@code use one of a, b, c}. */
  static String hint(String wrong, Collection<String> choices) {
    return hint(wrong, choices, null);
  }

  /** As {@link #hint(String, Collection)}; {@code whereAll} says where a cut list is shown whole. */
  static String hint(String wrong, Collection<String> choices, String whereAll) {
    Optional<String> near = nearest(wrong, choices);
    if (near.isPresent()) {
      return "did you mean " + Messages.quote(near.get()) + "?";
    }
    return choices.isEmpty() ? "there is nothing to choose from" : "use one of " + Messages.list(choices, whereAll);
  }
}
