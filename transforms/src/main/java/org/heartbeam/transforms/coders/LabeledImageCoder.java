package org.heartbeam.transforms.coders;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.CoderException;
import org.heartbeam.model.image.CardiacImage;
import org.heartbeam.model.image.LabeledImage;
import org.heartbeam.model.image.Mask;

/** {@link CardiacImageCoder} plus the label's bytes when there is one. */
public final class LabeledImageCoder extends AtomicCoder<LabeledImage> {
  private static final LabeledImageCoder INSTANCE = new LabeledImageCoder();

  private LabeledImageCoder() {}

  public static LabeledImageCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(LabeledImage labeled, OutputStream outStream) throws IOException {
    CardiacImageCoder.of().encode(labeled.image(), outStream);
    DataOutputStream out = new DataOutputStream(outStream);
    out.writeBoolean(labeled.isLabeled());
    if (labeled.isLabeled()) {
      out.write(labeled.label().get().values()); // same size as the image: checked at construction
    }
    out.flush();
  }

  @Override
  public LabeledImage decode(InputStream inStream) throws IOException {
    CardiacImage image = CardiacImageCoder.of().decode(inStream);
    DataInputStream in = new DataInputStream(inStream);
    if (!in.readBoolean()) {
      return LabeledImage.unlabeled(image);
    }
    byte[] values = new byte[image.rows() * image.columns()];
    in.readFully(values);
    try {
      return LabeledImage.labeled(image, new Mask(image.rows(), image.columns(), values));
    } catch (IllegalArgumentException e) {
      throw new CoderException("corrupt label encoding: " + e.getMessage());
    }
  }
}
