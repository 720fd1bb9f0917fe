package org.heartbeam.transforms.tfrecord;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.heartbeam.model.image.LabeledImage;

/**
 * What one seed-schema TFRecord file holds, for the CLI's {@code inspect}: per record its name, size,
 * labelled pixel count and pixel range; per bad record its reason. Plain Java, no pipeline.
 *
 * <p>Names are the seed's {@code name} feature (often a file name with a case number): this summary
 * is meant for the user's terminal, not for logs.
 */
public final class TfRecordFileSummary {
  /** One good record. */
  public record Entry(int index, String name, int height, int width, int depth, int labelPixels,
      float minPixel, float maxPixel) {
    public String line() {
      return String.format("record %d: %s %dx%d depth %d, label pixels %d, pixels %s..%s",
          index, name.isEmpty() ? "(no name)" : name, height, width, depth, labelPixels,
          number(minPixel), number(maxPixel));
    }
  }

  /** One record (or the rest of the file) that could not be read. */
  public record Problem(int index, String stage, String reason) {
    public String line() { return "record " + index + ": BAD (" + stage + ") " + reason; }
  }

  private final String source;
  private final List<Entry> entries;
  private final List<Problem> problems;

  private TfRecordFileSummary(String source, List<Entry> entries, List<Problem> problems) {
    this.source = source;
    this.entries = List.copyOf(entries);
    this.problems = List.copyOf(problems);
  }

  /**
   * Summarizes a file; ".gz" files are read as GZIP. Bad content (including a bad GZIP header) is
   * reported as problems.
   *
   * @throws IOException only when the file cannot be opened
   */
  public static TfRecordFileSummary of(Path file) throws IOException {
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
      if (!file.getFileName().toString().endsWith(".gz")) {
        return of(raw, file.toString());
      }
      InputStream in;
      try {
        in = new GZIPInputStream(raw);
      } catch (IOException e) {
        return new TfRecordFileSummary(file.toString(), List.of(),
            List.of(new Problem(0, FrameTfRecordsFn.STAGE, "not GZIP: " + e.getMessage())));
      }
      return of(in, file.toString());
    }
  }

  /** Summarizes a stream of TFRecords (not closed here). */
  public static TfRecordFileSummary of(InputStream in, String source) {
    List<Entry> entries = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    TfRecordFraming.Reader reader = TfRecordFraming.reader(in);
    for (TfRecordFrame frame = reader.next(); frame != null; frame = reader.next()) {
      if (!frame.isRecord()) {
        problems.add(new Problem(frame.index(), FrameTfRecordsFn.STAGE, frame.reason()));
        continue;
      }
      String recordSource = FrameTfRecordsFn.source(source, frame.index());
      try {
        LabeledImage image = SeedExampleCodec.decode(frame.data(), recordSource,
            ReadSeedTfRecords.DEFAULT_PIXEL_SPACING_MM);
        // The codec names an image by its record's name, or by our source when the name is empty.
        String name = image.image().sourceUri().equals(recordSource) ? "" : image.image().sourceUri();
        entries.add(entry(frame.index(), name, image));
      } catch (SeedRecordException e) {
        problems.add(new Problem(frame.index(), DecodeSeedExampleFn.STAGE, e.getMessage()));
      }
    }
    return new TfRecordFileSummary(source, entries, problems);
  }

  public String source() { return source; }

  /** Records framed (good or bad), plus one when the file's framing was lost. */
  public int recordCount() { return entries.size() + problems.size(); }

  public List<Entry> entries() { return entries; }

  public List<Problem> problems() { return problems; }

  /** A header line, then one line per record in file order. */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add(source + ": " + recordCount() + " record(s), " + entries.size() + " good, "
        + problems.size() + " bad");
    // Merge the two index-ordered lists back into file order.
    int e = 0;
    int p = 0;
    while (e < entries.size() || p < problems.size()) {
      boolean entryFirst = p == problems.size()
          || (e < entries.size() && entries.get(e).index() < problems.get(p).index());
      lines.add("  " + (entryFirst ? entries.get(e++).line() : problems.get(p++).line()));
    }
    return lines;
  }

  private static Entry entry(int index, String name, LabeledImage labeled) {
    float min = Float.POSITIVE_INFINITY;
    float max = Float.NEGATIVE_INFINITY;
    for (float p : labeled.image().pixels()) {
      min = Math.min(min, p);
      max = Math.max(max, p);
    }
    int labelPixels = labeled.label().map(m -> m.count()).orElse(0);
    return new Entry(index, name, labeled.image().rows(), labeled.image().columns(), 1,
        labelPixels, min, max);
  }

  private static String number(float value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Float.toString(value);
  }
}
