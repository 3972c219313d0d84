package org.dialsim.check;

/** A baseline file's content cannot be used: not JSON, or not a dialsim results.json. */
public final class BaselineException extends Exception {
  /** An exception with a one-line message that starts with the file name. */
  public BaselineException(String message) {
    super(message, null, false, false); // the message is the product; a stack trace would be noise
  }
}
