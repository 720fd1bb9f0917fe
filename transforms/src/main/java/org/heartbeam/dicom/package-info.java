/**
 * The DICOM data model, read side: bytes of a DICOM file to a PixelMed {@code AttributeList} with every
 * failure as a {@link org.heartbeam.dicom.DicomDecodeException}, frames to {@link
 * org.heartbeam.model.image.CardiacImage}s (classic and Enhanced MR), the tags PixelMed does not name, the
 * file description of {@code inspect}, and the watched-folder contract ({@link
 * org.heartbeam.dicom.IncomingFiles}).
 *
 * <p>No Beam. Depends on {@code model.image} and PixelMed. Beam IO over it lives in {@code
 * org.heartbeam.transforms.dicom}.
 */
package org.heartbeam.dicom;
