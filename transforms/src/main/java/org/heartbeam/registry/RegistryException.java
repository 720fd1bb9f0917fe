package org.heartbeam.registry;

import java.io.IOException;

/**
 * A registry operation refused or failed for a reason the user can act on (unknown ref, run folder
 * without a model, a version that already exists, files changed since registration). The message is
 * one line.
 */
public class RegistryException extends IOException {
  private static final long serialVersionUID = 1L;

  public RegistryException(String message) {
    super(message);
  }

  public RegistryException(String message, Throwable cause) {
    super(message, cause);
  }
}
