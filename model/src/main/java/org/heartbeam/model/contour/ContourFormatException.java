package org.heartbeam.model.contour;

/** A contour text that is not a usable polygon; the message names the line when one is at fault. */
public final class ContourFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  public ContourFormatException(String message) { super(message); }
}
