/**
 * Beam IO for the Sunnybrook layout (DICOM plus expert i-contour text files): listing a tree into items,
 * reading each into a labelled image, and labelling decoded DICOM with contours from a folder.
 *
 * <p>Beam IO. Depends on {@code org.heartbeam.dicom} (decoding), {@code model.contour}, {@code model.image},
 * {@code transforms.coders} and {@code transforms.deadletter}.
 */
package org.heartbeam.transforms.sunnybrook;
