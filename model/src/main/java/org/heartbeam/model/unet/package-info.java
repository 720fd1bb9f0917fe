/**
 * The 2-D U-Net for LV segmentation: its configuration and the two engines that build it (SameDiff NHWC on
 * oneDNN, the fast one; DL4J {@code ComputationGraph}, the reference), behind {@link
 * org.heartbeam.model.unet.SegmentationNet}.
 *
 * <p>No Beam. Depends on {@code model.loss}, ND4J and DL4J.
 */
package org.heartbeam.model.unet;
