package org.heartbeam.model.unet;

/** The U-Net's last layer: a 1x1 convolution, then one of these activations over the channels. */
public enum OutputMode {
  /** Two channels (background, LV) and a softmax over them, as in the seed. */
  SOFTMAX_2(2),
  /** One channel, the LV probability, through a sigmoid. */
  SIGMOID_1(1);

  private final int channels;

  OutputMode(int channels) { this.channels = channels; }

  /** Number of output channels; the LV probability is always the last one. */
  public int channels() { return channels; }
}
