package org.heartbeam.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.dicom.TagFromName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.heartbeam.model.image.CardiacImage;
import org.heartbeam.testing.Dcmtk;
import org.heartbeam.testing.TestDicomFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same pixels, re-encoded by dcmtk in each transfer syntax, decode to exactly the same values;
 * the syntaxes PixelMed cannot decompress here are refused by name. This is the measured support list.
 */
class DicomTransferSyntaxTest {
  private static final short[] SIGNED = {-32768, -1234, -1, 0, 1, 255, 256, 32767, 7, -7, 100, -100};
  private static final float[] SIGNED_VALUES = {-32768, -1234, -1, 0, 1, 255, 256, 32767, 7, -7, 100, -100};
  private static final short[] UNSIGNED = {0, (short) 65535, (short) 40000, (short) 32768, 32767, 1};
  private static final float[] UNSIGNED_VALUES = {0, 65535, 40000, 32768, 32767, 1};

  @TempDir Path dir;

  private Path signedFile() {
    return TestDicomFile.mr(3, 4, SIGNED).write(dir.resolve("signed.dcm"));
  }

  private static CardiacImage decodeOne(Path file) throws Exception {
    List<CardiacImage> images = DicomFrameDecoder.decode(Files.readAllBytes(file), file.toString());
    assertEquals(1, images.size());
    return images.get(0);
  }

  @Test
  void implicitVrLittleEndian() throws Exception {
    Path converted = Dcmtk.run("dcmconv", signedFile(), dir.resolve("implicit.dcm"), "+ti");
    assertArrayEquals(SIGNED_VALUES, decodeOne(converted).pixels());
  }

  @Test
  void implicitVrLittleEndianEightBit() throws Exception {
    Path file = TestDicomFile.mr(1, 5).pixels8((byte) 0, (byte) 1, (byte) 128, (byte) 254, (byte) 255)
        .write(dir.resolve("eight.dcm"));
    Path converted = Dcmtk.run("dcmconv", file, dir.resolve("implicit8.dcm"), "+ti");
    assertArrayEquals(new float[] {0, 1, 128, 254, 255}, decodeOne(converted).pixels());
  }

  @Test
  void deflatedExplicitVrLittleEndian() throws Exception {
    Path converted = Dcmtk.run("dcmconv", signedFile(), dir.resolve("deflated.dcm"), "+td");
    CardiacImage image = decodeOne(converted);
    assertArrayEquals(SIGNED_VALUES, image.pixels());
    assertEquals(1.5, image.geometry().rowSpacingMm());
  }

  @Test
  void truncatedDeflatedIsRefused() throws Exception {
    Path converted = Dcmtk.run("dcmconv", signedFile(), dir.resolve("deflated.dcm"), "+td");
    byte[] bytes = Files.readAllBytes(converted);
    byte[] cut = Arrays.copyOf(bytes, bytes.length - 20);
    DicomDecodeException e = assertThrows(DicomDecodeException.class, () -> DicomFrameDecoder.decode(cut, "x"));
    assertTrue(e.getMessage().contains("truncated"), e.getMessage());
  }

  @Test
  void explicitVrBigEndian() throws Exception {
    Path converted = Dcmtk.run("dcmconv", signedFile(), dir.resolve("big.dcm"), "+tb");
    assertArrayEquals(SIGNED_VALUES, decodeOne(converted).pixels());
  }

  @Test
  void rleLosslessSignedAndUnsigned() throws Exception {
    Path signed = Dcmtk.run("dcmcrle", signedFile(), dir.resolve("rle-signed.dcm"));
    assertArrayEquals(SIGNED_VALUES, decodeOne(signed).pixels());
    Path unsignedFile = TestDicomFile.mr(2, 3).pixels16(false, UNSIGNED).write(dir.resolve("unsigned.dcm"));
    Path unsigned = Dcmtk.run("dcmcrle", unsignedFile, dir.resolve("rle-unsigned.dcm"));
    assertArrayEquals(UNSIGNED_VALUES, decodeOne(unsigned).pixels());
  }

  @Test
  void rleLosslessMultiFrameKeepsFrameOrder() throws Exception {
    Path file = TestDicomFile.mr(1, 2, (short) 1, (short) 2, (short) -3, (short) -4, (short) 500, (short) 600)
        .put(TagFromName.NumberOfFrames, "3").write(dir.resolve("multi.dcm"));
    Path rle = Dcmtk.run("dcmcrle", file, dir.resolve("multi-rle.dcm"));
    List<CardiacImage> frames = DicomFrameDecoder.decode(Files.readAllBytes(rle), "multi");
    assertEquals(3, frames.size());
    assertArrayEquals(new float[] {1, 2}, frames.get(0).pixels());
    assertArrayEquals(new float[] {-3, -4}, frames.get(1).pixels());
    assertArrayEquals(new float[] {500, 600}, frames.get(2).pixels());
  }

  @Test
  void enhancedMrSurvivesImplicitVr() throws Exception {
    Path file = EnhancedMr.twoFrames().write(dir.resolve("enhanced.dcm"));
    Path implicit = Dcmtk.run("dcmconv", file, dir.resolve("enhanced-implicit.dcm"), "+ti");
    List<CardiacImage> frames = DicomFrameDecoder.decode(Files.readAllBytes(implicit), "enhanced");
    assertArrayEquals(new float[] {-200, -350, -500, 119500}, frames.get(1).pixels());
    assertEquals(45.5, frames.get(1).triggerTimeMs());
    assertEquals(1, frames.get(1).phaseIndex());
    assertArrayEquals(new double[] {1, 2, 13}, frames.get(1).geometry().imagePositionPatient());
  }

  @Test
  void jpegLosslessIsRefusedByName() throws Exception {
    Path jpeg = Dcmtk.run("dcmcjpeg", signedFile(), dir.resolve("jpeg-lossless.dcm"));
    DicomDecodeException e = assertThrows(DicomDecodeException.class, () -> decodeOne(jpeg));
    assertTrue(e.getMessage().contains("1.2.840.10008.1.2.4.70"), e.getMessage());
  }

  @Test
  void jpegLsIsRefusedByName() throws Exception {
    Path jpegLs = Dcmtk.run("dcmcjpls", signedFile(), dir.resolve("jpeg-ls.dcm"));
    DicomDecodeException e = assertThrows(DicomDecodeException.class, () -> decodeOne(jpegLs));
    assertTrue(e.getMessage().contains("1.2.840.10008.1.2.4.80"), e.getMessage());
  }

  @Test
  void jpegBaselineEightBitDecodesThroughTheJdkCodecWithLossyValues() throws Exception {
    byte[] ramp = new byte[16 * 16];
    for (int i = 0; i < ramp.length; i++) {
      ramp[i] = (byte) ((i % 16) * 16);
    }
    Path file = TestDicomFile.mr(16, 16).pixels8(ramp).write(dir.resolve("ramp8.dcm"));
    Path jpeg = Dcmtk.run("dcmcjpeg", file, dir.resolve("ramp8-baseline.dcm"), "+eb");
    float[] pixels = decodeOne(jpeg).pixels();
    for (int i = 0; i < pixels.length; i++) {
      // Baseline JPEG is lossy: close to, not equal to, the stored ramp.
      assertEquals((i % 16) * 16, pixels[i], 4, "pixel " + i);
    }
  }

  @Test
  void jpegExtendedTwelveBitIsRefusedByName() throws Exception {
    short[] ramp = new short[16 * 16];
    for (int i = 0; i < ramp.length; i++) {
      ramp[i] = (short) ((i % 16) * 250);
    }
    Path file = TestDicomFile.mr(16, 16).pixels16(false, ramp).put(TagFromName.BitsStored, "12")
        .put(TagFromName.HighBit, "11").write(dir.resolve("ramp12.dcm"));
    Path jpeg = Dcmtk.run("dcmcjpeg", file, dir.resolve("ramp12-extended.dcm"), "+ee");
    DicomDecodeException e = assertThrows(DicomDecodeException.class, () -> decodeOne(jpeg));
    assertTrue(e.getMessage().contains("1.2.840.10008.1.2.4.51"), e.getMessage());
  }
}
