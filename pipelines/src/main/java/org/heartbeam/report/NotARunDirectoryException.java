package org.heartbeam.report;

import java.io.IOException;

/** The folder is missing, or holds neither a training run nor an inference run. */
public final class NotARunDirectoryException extends IOException {
  private static final long serialVersionUID = 1L;

  public NotARunDirectoryException(String message) {
    super(message);
  }
}
