package org.heartbeam.model.hash;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256, the project's one digest: model and registry file checksums, PHI-free names
 * ({@code imageKey}, received-file folders), deterministic UIDs and seeds. Every JVM has SHA-256,
 * so its absence is an {@link IllegalStateException}, never a checked exception for callers.
 */
public final class Sha256 {
  private Sha256() {}

  /** A fresh digest, for callers that feed it in several parts. */
  public static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JVM", e);
    }
  }

  /** The 32-byte digest of {@code bytes}. */
  public static byte[] digest(byte[] bytes) {
    return newDigest().digest(bytes);
  }

  /** The 32-byte digest of {@code text} as UTF-8. */
  public static byte[] digest(String text) {
    return digest(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Lowercase hex (64 digits) of the digest of {@code bytes}. */
  public static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(digest(bytes));
  }

  /** Lowercase hex (64 digits) of the digest of {@code text} as UTF-8. */
  public static String hex(String text) {
    return HexFormat.of().formatHex(digest(text));
  }

  /** Lowercase hex of the digest of everything {@code in} still holds, streamed; {@code in} is closed. */
  public static String hex(InputStream in) throws IOException {
    MessageDigest digest = newDigest();
    try (InputStream digesting = new DigestInputStream(in, digest)) {
      digesting.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** Lowercase hex of the digest of a file's bytes, streamed. */
  public static String hex(Path file) throws IOException {
    return hex(Files.newInputStream(file));
  }
}
