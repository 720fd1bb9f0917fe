package org.heartbeam.transforms.coders;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.CoderException;
import org.heartbeam.model.image.LabeledImage;
import org.heartbeam.model.image.Mask;
import org.heartbeam.model.image.SegmentedImage;

/** {@link LabeledImageCoder} plus the model version and the predicted mask's bytes (on the image's grid). */
public final class SegmentedImageCoder extends AtomicCoder<SegmentedImage> {
  private static final SegmentedImageCoder INSTANCE = new SegmentedImageCoder();

  private SegmentedImageCoder() {}

  public static SegmentedImageCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(SegmentedImage segmented, OutputStream outStream) throws IOException {
    LabeledImageCoder.of().encode(segmented.input(), outStream);
    DataOutputStream out = new DataOutputStream(outStream);
    out.writeUTF(segmented.modelVersion());
    out.write(segmented.predicted().values()); // same size as the image: checked at construction
    out.flush();
  }

  @Override
  public SegmentedImage decode(InputStream inStream) throws IOException {
    LabeledImage input = LabeledImageCoder.of().decode(inStream);
    DataInputStream in = new DataInputStream(inStream);
    String modelVersion = in.readUTF();
    int rows = input.image().rows();
    int columns = input.image().columns();
    byte[] values = new byte[rows * columns];
    in.readFully(values);
    try {
      return SegmentedImage.of(input, new Mask(rows, columns, values), modelVersion);
    } catch (IllegalArgumentException e) {
      throw new CoderException("corrupt predicted mask encoding: " + e.getMessage());
    }
  }
}
