/**
 * Beam IO for DICOM: {@link org.heartbeam.transforms.dicom.ReadDicomFiles} (batch: files to images, a dead
 * letter per unreadable file) and {@link org.heartbeam.transforms.dicom.WatchDicomFolder} (stream: files as
 * they arrive in a folder) with its termination.
 *
 * <p>Beam IO. Depends on {@code org.heartbeam.dicom} (decoding), {@code model.image}, {@code
 * transforms.coders} and {@code transforms.deadletter}.
 */
package org.heartbeam.transforms.dicom;
