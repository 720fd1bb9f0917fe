package org.heartbeam.model.file;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The HeartBeam version this code was built as (Maven's project version, filtered in at build time). */
public final class CodeVersion {
  private static final String RESOURCE = "version.properties";

  private CodeVersion() {}

  /** e.g. "heartbeam-model 0.1.0-SNAPSHOT"; "heartbeam-model unknown" when run from unfiltered sources. */
  public static String current() {
    Properties properties = new Properties();
    try (InputStream in = CodeVersion.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      // The version is provenance, not a reason to fail a save: fall back to "unknown".
    }
    String version = properties.getProperty("version", "unknown");
    return "heartbeam-model " + (version.startsWith("${") ? "unknown" : version);
  }
}
