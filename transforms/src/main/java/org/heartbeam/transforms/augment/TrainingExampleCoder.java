package org.heartbeam.transforms.augment;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.beam.sdk.coders.CustomCoder;

/**
 * Binary coder for {@link TrainingExample}: key, size, float32 pixels, mask bytes. The same
 * encoding is the record format of the example shard files training streams, so a shard is just
 * encoded examples one after another.
 */
public final class TrainingExampleCoder extends CustomCoder<TrainingExample> {
  private static final long serialVersionUID = 1L;
  private static final TrainingExampleCoder INSTANCE = new TrainingExampleCoder();
  /** Refuses absurd sizes read from a damaged stream before allocating them. */
  private static final int MAX_PIXELS = 4096 * 4096;

  private TrainingExampleCoder() {}

  public static TrainingExampleCoder of() { return INSTANCE; }

  @Override
  public void encode(TrainingExample value, OutputStream outStream) throws IOException {
    DataOutputStream out = new DataOutputStream(outStream);
    out.writeUTF(value.imageKey());
    out.writeInt(value.rows());
    out.writeInt(value.columns());
    ByteBuffer pixels = ByteBuffer.allocate(value.pixels().length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    pixels.asFloatBuffer().put(value.pixels());
    out.write(pixels.array());
    out.write(value.mask());
    out.flush();
  }

  @Override
  public TrainingExample decode(InputStream inStream) throws IOException {
    DataInputStream in = new DataInputStream(inStream);
    String key = in.readUTF();
    int rows = in.readInt();
    int columns = in.readInt();
    if (rows <= 0 || columns <= 0 || (long) rows * columns > MAX_PIXELS) {
      throw new IOException("bad training example size " + rows + "x" + columns);
    }
    byte[] pixelBytes = new byte[rows * columns * Float.BYTES];
    in.readFully(pixelBytes);
    float[] pixels = new float[rows * columns];
    ByteBuffer.wrap(pixelBytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(pixels);
    byte[] mask = new byte[rows * columns];
    in.readFully(mask);
    return new TrainingExample(key, rows, columns, pixels, mask);
  }

  @Override
  public void verifyDeterministic() {}
}
