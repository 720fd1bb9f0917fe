/**
 * CPU benchmark of the U-Net engines ({@code heartbeam bench model}): per-network and per-op timings on this
 * machine. Not a test; speed goals are met here.
 *
 * <p>No Beam. Depends on {@code model.unet} and ND4J.
 */
package org.heartbeam.model.bench;
