package org.heartbeam.model.hash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The FIPS 180-2 test vectors, through every entry point. */
class Sha256Test {
  private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
  private static final String EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
  /** "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 448 bits. */
  private static final String TWO_BLOCKS = "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1";

  @Test
  void textAndBytesMatchTheStandardVectors() {
    assertEquals(ABC, Sha256.hex("abc"));
    assertEquals(ABC, Sha256.hex("abc".getBytes(StandardCharsets.US_ASCII)));
    assertEquals(EMPTY, Sha256.hex(""));
    assertEquals(TWO_BLOCKS, Sha256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"));
    assertArrayEquals(HexFormat.of().parseHex(ABC), Sha256.digest("abc"));
  }

  @Test
  void streamsAndFilesMatchTheStandardVectors(@TempDir Path dir) throws Exception {
    assertEquals(ABC, Sha256.hex(new ByteArrayInputStream("abc".getBytes(StandardCharsets.US_ASCII))));
    Path file = Files.writeString(dir.resolve("abc.txt"), "abc", StandardCharsets.US_ASCII);
    assertEquals(ABC, Sha256.hex(file));
    // Larger than any read buffer: "a" repeated a million times (FIPS 180-2, appendix B.3).
    Path million = Files.write(dir.resolve("a.txt"), "a".repeat(1_000_000).getBytes(StandardCharsets.US_ASCII));
    assertEquals("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", Sha256.hex(million));
  }

  @Test
  void aDigestFedInPartsEqualsTheDigestOfTheWhole() {
    var digest = Sha256.newDigest();
    digest.update("ab".getBytes(StandardCharsets.US_ASCII));
    assertEquals(ABC, HexFormat.of().formatHex(digest.digest("c".getBytes(StandardCharsets.US_ASCII))));
  }
}
