package org.heartbeam.model.file;

import java.io.IOException;

/**
 * A model file that cannot be used: unreadable, corrupt, from a newer format, or not matching what
 * the caller needs. The message is one line that says what is wrong and names both sides of a mismatch.
 */
public final class ModelFileException extends IOException {
  private static final long serialVersionUID = 1L;

  public ModelFileException(String message) {
    super(message);
  }

  public ModelFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
