package org.dialsim.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dialsim.stack.StackConfig;

/**
 * A built-in client stack profile (SPEC 2), as {@code dialsim stacks NAME} shows it.
 *
 * @param name the binding name, e.g. {@code ucma-4}
 * @param summary one paragraph on what it models
 * @param sources where its values come from (RFC sections, source files, vendor documents)
 * @param notes simplifications and uncertain values; may be empty
 * @param stack the resolved stack (neutral defaults, then the profile's keys)
 * @param settings every stack key with its value as text, in {@link StackConfig} order
 */
public record Profile(
    String name,
    String summary,
    List<String> sources,
    List<String> notes,
    StackConfig stack,
    Map<String, String> settings) {
  /** Copies the collections. */
  public Profile {
    sources = List.copyOf(sources);
    notes = List.copyOf(notes);
    settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
  }
}
