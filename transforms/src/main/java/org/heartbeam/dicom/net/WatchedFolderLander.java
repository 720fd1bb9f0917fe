package org.heartbeam.dicom.net;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.network.ReceivedObjectHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves each object PixelMed has received (complete, in the staging folder) to its final name in the
 * watched folder with one atomic rename, so {@link org.heartbeam.transforms.dicom.WatchDicomFolder} never
 * sees a partial file. The
 * staging folder is a dot-folder inside the watched folder: same file system (a rename, never a
 * copy), and ignored by the watcher under the {@link org.heartbeam.dicom.IncomingFiles} contract.
 */
final class WatchedFolderLander extends ReceivedObjectHandler {
  private static final Logger LOG = LoggerFactory.getLogger(WatchedFolderLander.class);

  private final Path watched;
  private final AtomicLong landed = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();

  WatchedFolderLander(Path watched) {
    this.watched = watched;
  }

  long landed() {
    return landed.get();
  }

  long refused() {
    return refused.get();
  }

  @Override
  public void sendReceivedObjectIndication(String stagedFile, String transferSyntax, String callingAeTitle)
      throws DicomException, IOException {
    Path staged = Path.of(stagedFile);
    try {
      Path target = land(staged);
      landed.incrementAndGet();
      LOG.info("received from {}: {}", callingAeTitle, watched.relativize(target));
    } catch (DicomException | IOException | RuntimeException e) {
      refused.incrementAndGet();
      Files.deleteIfExists(staged);
      // The reason names a UID rule or an IO problem, never a header value.
      LOG.warn("refused an object from {}: {}", callingAeTitle, e.getMessage());
      throw e;
    }
  }

  private Path land(Path staged) throws DicomException, IOException {
    AttributeList header = new AttributeList();
    header.read(staged.toFile(), TagFromName.PixelData);
    String sopClass = required(header, TagFromName.SOPClassUID, "SOP Class UID");
    if (!MrStoragePolicy.ACCEPTED.contains(sopClass)) {
      // The association accepted an MR context but the object says otherwise: keep the folder MR-only.
      throw new DicomException("object's SOP class " + sopClass + " is not MR");
    }
    String study = required(header, TagFromName.StudyInstanceUID, "Study Instance UID");
    String instance = required(header, TagFromName.SOPInstanceUID, "SOP Instance UID");
    Path folder = Files.createDirectories(watched.resolve(ReceivedFileNames.studyFolder(study)));
    return Files.move(staged, folder.resolve(ReceivedFileNames.instanceFile(instance)),
        StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private static String required(AttributeList list, com.pixelmed.dicom.AttributeTag tag, String name)
      throws DicomException {
    String value = Attribute.getSingleStringValueOrEmptyString(list, tag).trim();
    if (value.isEmpty()) {
      throw new DicomException("object has no " + name);
    }
    return value;
  }
}
