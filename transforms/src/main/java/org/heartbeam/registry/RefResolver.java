package org.heartbeam.registry;

import java.io.IOException;

/**
 * The one place that turns a {@link ModelRef} into a version number: {@code @production} reads the
 * stage pointer, {@code @latest} (or a bare name) takes the highest complete version, {@code @N} is N.
 * Whether version N exists is the store's question, not the resolver's.
 */
final class RefResolver {
  private final VersionIndex index;

  RefResolver(VersionIndex index) {
    this.index = index;
  }

  int version(ModelRef ref) throws IOException {
    if (ref.isProduction()) {
      return index.productionVersion(ref.name()).orElseThrow(() -> new RegistryException(ref.name()
          + " has no production version in " + index.location() + " (promote one: heartbeam models promote "
          + ref.name() + "@N)"));
    }
    if (ref.isLatest()) {
      return index.latestVersion(ref.name()).orElseThrow(() -> new RegistryException("unknown model '"
          + ref.name() + "': no versions in " + index.location()));
    }
    return ref.version();
  }
}
