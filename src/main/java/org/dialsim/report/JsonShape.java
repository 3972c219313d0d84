package org.dialsim.report;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the fields of a JSON file that dialsim wrote and reads back (a partial result, a
 * results.json baseline), each failing with the field's path and what is wrong with it, in the
 * reader's own exception.
 *
 * @param <E> what a reader throws for a file of the wrong shape
 */
public abstract class JsonShape<E extends Exception> {
  /** The file as given on the command line, for messages. */
  protected final String file;

  /** A reader of {@code file}'s fields. */
  protected JsonShape(String file) {
    this.file = file;
  }

  /** The failure for the field at {@code path} ({@code results[0].calls}; empty: the file). */
  protected abstract E bad(String path, String what);

  /** The field {@code key} of {@code o}, which must be present. */
  public JsonNode get(JsonNode o, String key, String at) throws E {
    JsonNode v = o.get(key);
    if (v == null) {
      throw bad(join(at, key), "missing");
    }
    return v;
  }

  /** A string field. */
  public String text(JsonNode o, String key, String at) throws E {
    JsonNode v = get(o, key, at);
    if (!v.isTextual()) {
      throw bad(join(at, key), "not a string");
    }
    return v.asText();
  }

  /** A list field. */
  public JsonNode array(JsonNode o, String key, String at) throws E {
    JsonNode v = get(o, key, at);
    if (!v.isArray()) {
      throw bad(join(at, key), "not a list");
    }
    return v;
  }

  /** A whole-number field that fits a long. */
  public long integer(JsonNode o, String key, String at) throws E {
    JsonNode v = get(o, key, at);
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw bad(join(at, key), "not an integer");
    }
    return v.asLong();
  }

  /** A count field: a whole number of at least 0. */
  public long count(JsonNode o, String key, String at) throws E {
    return count(get(o, key, at), join(at, key));
  }

  /** A count value at {@code path}. */
  public long count(JsonNode v, String path) throws E {
    if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 0) {
      throw bad(path, "not a count");
    }
    return v.asLong();
  }

  /** The path of {@code key} inside the object at {@code at}. */
  protected static String join(String at, String key) {
    return at.isEmpty() ? key : at + "." + key;
  }
}
