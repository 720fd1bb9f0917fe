package org.heartbeam.transforms.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.TagFromName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.heartbeam.model.image.CardiacImage;
import org.heartbeam.model.image.LabeledImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceDicomHeaderTest {

  @Test
  void readsTheHeaderOnlyOfTheImagesOwnFile(@TempDir Path dir) throws Exception {
    List<LabeledImage> phantom = PhantomSegmentations.labelled(dir);
    CardiacImage image = phantom.get(0).image();
    var header = SourceDicomHeader.read(image).orElseThrow();
    assertEquals(image.sopInstanceUid(), Attribute.getSingleStringValueOrEmptyString(header, TagFromName.SOPInstanceUID));
    assertTrue(header.get(TagFromName.PixelData) == null, "pixel data is not read");

    // Another image's file (a moved or hostile source URI) is not trusted.
    CardiacImage wrongFile = image.toBuilder().sourceUri(phantom.get(1).image().sourceUri()).build();
    assertTrue(SourceDicomHeader.read(wrongFile).isEmpty());
    Path notDicom = Files.writeString(dir.resolve("passwd"), "root:x:0:0:root:/root:/bin/bash\n".repeat(10));
    assertTrue(SourceDicomHeader.read(image.toBuilder().sourceUri(notDicom.toString()).build()).isEmpty());
    assertTrue(SourceDicomHeader.read(image.toBuilder().sourceUri("../../nowhere/x.dcm").build()).isEmpty());
    assertTrue(SourceDicomHeader.read(image.toBuilder().sopInstanceUid("").build()).isEmpty());
  }
}
