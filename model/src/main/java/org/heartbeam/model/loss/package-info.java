/**
 * The segmentation loss (soft Dice + cross-entropy) for both U-Net engines: as SameDiff ops and as a DL4J loss
 * function.
 *
 * <p>No Beam. Depends on ND4J / DL4J only.
 */
package org.heartbeam.model.loss;
