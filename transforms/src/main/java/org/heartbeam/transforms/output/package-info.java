/**
 * Writing what inference made: mask and overlay PNGs, one DICOM SEG per series, through Beam's {@code
 * FileSystems}, with safe, PHI-free output names and a dead letter for every output that could not be written.
 *
 * <p>Beam transforms and DoFns. Depends on {@code dicom.seg} (SEG building), {@code model.image}, {@code
 * transforms.deadletter} and PixelMed.
 */
package org.heartbeam.transforms.output;
