/**
 * The DICOM data model, write side: one binary DICOM Segmentation per source series, built as a PixelMed
 * {@code AttributeList} (segment, frame order, functional groups, derived UIDs) and checked with {@code
 * dciodvfy} in tests.
 *
 * <p>No Beam. Depends on {@code model.image}, PixelMed, and {@code transforms.output.SafeFileNames} for the
 * UID rule. Writing SEG files from a pipeline is {@code org.heartbeam.transforms.output.WriteSegmentations}.
 */
package org.heartbeam.dicom.seg;
