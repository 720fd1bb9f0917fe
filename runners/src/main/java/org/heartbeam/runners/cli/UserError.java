package org.heartbeam.runners.cli;

/**
 * A mistake the user can fix (a bad option, a missing input). The CLI prints its message as one
 * line and exits with status 2; it never shows a stack trace for it.
 */
public final class UserError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UserError(String message) {
    super(message);
  }
}
