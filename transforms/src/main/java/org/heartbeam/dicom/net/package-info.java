/**
 * DICOM network services: the C-STORE SCP behind {@code heartbeam receive} ({@link
 * org.heartbeam.dicom.net.DicomStoreReceiver}), its calling-AE-title gate and MR storage policy, and the
 * landing of each received object in the folder the stream watches, by one atomic rename.
 *
 * <p>No Beam. Depends on PixelMed's network classes and on the {@link org.heartbeam.dicom.IncomingFiles}
 * contract of {@code org.heartbeam.dicom}.
 */
package org.heartbeam.dicom.net;
