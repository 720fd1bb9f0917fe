package org.heartbeam.dicom.net;

import com.pixelmed.dicom.StoredFilePathStrategy;
import java.io.File;
import java.util.UUID;

/**
 * Where PixelMed puts a received object once it is complete (it writes a temporary file and then
 * renames it here): a unique, header-free name in the staging folder, so two associations sending the
 * same instance at once never share a file. {@link WatchedFolderLander} moves it to its final name.
 */
final class StagingFileStrategy extends StoredFilePathStrategy {
  @Override
  public String makeStoredFilePath(String sopInstanceUid) {
    return "received-" + UUID.randomUUID() + ".dcm";
  }

  @Override
  public File makeStoredFilePath(File folder, String sopInstanceUid) {
    return new File(folder, makeStoredFilePath(sopInstanceUid));
  }

  @Override
  public File makeReliableStoredFilePathWithFoldersCreated(File folder, String sopInstanceUid) {
    return makeStoredFilePath(folder, sopInstanceUid);
  }

  @Override
  public File makeReliableStoredFilePathWithFoldersCreated(File folder, String sopInstanceUid, String unused) {
    return makeStoredFilePath(folder, sopInstanceUid);
  }
}
