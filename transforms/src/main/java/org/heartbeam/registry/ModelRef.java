package org.heartbeam.registry;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A registry reference: {@code name} or {@code name@latest} (the highest version),
 * {@code name@N} or {@code name@vN} (one version), {@code name@production} (the stage pointer).
 * A bare name means latest, as a container tag does: serving should name {@code @production}.
 */
public final class ModelRef {
  /** Model names become folder names: letters, digits, dot, dash, underscore; no '@' or '/'. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
  public static final String LATEST = "latest";
  public static final String PRODUCTION = "production";

  private final String name;
  private final String selector;

  private ModelRef(String name, String selector) {
    this.name = name;
    this.selector = selector;
  }

  public static ModelRef parse(String ref) throws RegistryException {
    Objects.requireNonNull(ref, "ref");
    int at = ref.indexOf('@');
    String name = at < 0 ? ref : ref.substring(0, at);
    String selector = at < 0 ? LATEST : ref.substring(at + 1).toLowerCase(Locale.ROOT);
    checkName(name);
    if (selector.equals(LATEST) || selector.equals(PRODUCTION)) {
      return new ModelRef(name, selector);
    }
    String digits = selector.startsWith("v") ? selector.substring(1) : selector;
    if (digits.matches("[1-9][0-9]{0,8}")) {
      return new ModelRef(name, digits);
    }
    throw new RegistryException("bad model ref '" + ref + "': expected name, name@latest, name@N or name@production");
  }

  static void checkName(String name) throws RegistryException {
    if (!NAME.matcher(name).matches()) {
      throw new RegistryException("bad model name '" + name
          + "': use letters, digits, '.', '-' or '_' (starting with a letter or digit)");
    }
  }

  public String name() { return name; }

  public boolean isLatest() { return selector.equals(LATEST); }

  public boolean isProduction() { return selector.equals(PRODUCTION); }

  /** The version number a {@code name@N} ref names. */
  public int version() {
    if (isLatest() || isProduction()) {
      throw new IllegalStateException(this + " names no fixed version");
    }
    return Integer.parseInt(selector);
  }

  @Override
  public String toString() {
    return name + "@" + selector;
  }
}
