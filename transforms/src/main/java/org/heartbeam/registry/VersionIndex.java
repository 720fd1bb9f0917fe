package org.heartbeam.registry;

import java.io.IOException;
import java.util.OptionalInt;

/**
 * What a {@link RefResolver} needs to know about a registry: the version a model's stage pointer
 * names and its highest complete version. {@link RegistryStore} answers from the files; tests answer
 * from a map.
 */
interface VersionIndex {
  /** The version {@code stages/production.json} names, if the model has been promoted. */
  OptionalInt productionVersion(String name) throws IOException;

  /** The highest version with a version.json, if the model has any. */
  OptionalInt latestVersion(String name) throws IOException;

  /** Where the registry is, for messages. */
  String location();
}
