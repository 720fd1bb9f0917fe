package org.heartbeam.registry;

/**
 * A promotion the gate refused: {@link #check()} names the failed check ({@code "validation-dice"},
 * {@code "latency"} or {@code "integrity"}); the message gives the measured and allowed numbers.
 */
public final class PromotionRefusedException extends RegistryException {
  private static final long serialVersionUID = 1L;

  private final String check;

  public PromotionRefusedException(String check, String message) {
    super(message);
    this.check = check;
  }

  public String check() {
    return check;
  }
}
