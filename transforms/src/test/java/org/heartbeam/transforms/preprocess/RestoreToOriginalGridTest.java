package org.heartbeam.transforms.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.heartbeam.model.image.LabeledImage;
import org.heartbeam.model.image.Mask;
import org.heartbeam.model.preprocess.ModelInputPreparer;
import org.heartbeam.model.preprocess.PreparedImage;
import org.heartbeam.model.preprocess.PreprocessOptions;
import org.junit.jupiter.api.Test;

class RestoreToOriginalGridTest {

  @Test
  void aPredictionOnTheModelGridLandsOnTheOriginalGrid() {
    // 300x200 original: rows 22..277 kept, 28 columns padded each side.
    PreparedImage prepared = ModelInputPreparer.prepare(
        LabeledImage.unlabeled(PrepareForModelTest.image(300, 200, "test://p.dcm", 9)), PreprocessOptions.defaults());
    Mask prediction = PrepareForModelTest.disc(256, 256, 10, 128, 20); // partly cut by the top of the window
    Mask restored = new RestoreToOriginalGrid().apply(prepared, prediction);
    assertEquals(300, restored.rows());
    assertEquals(200, restored.columns());
    assertEquals(prediction.count(), restored.count(), "every predicted pixel lies on the image");
    for (int r = 0; r < 300; r++) {
      for (int c = 0; c < 200; c++) {
        int i = r - 22;
        int j = c + 28;
        boolean expected = i >= 0 && i < 256 && prediction.get(i, j);
        assertEquals(expected, restored.get(r, c), r + "," + c);
      }
    }
  }

  @Test
  void aMaskOffTheModelGridIsRefused() {
    PreparedImage prepared = ModelInputPreparer.prepare(
        LabeledImage.unlabeled(PrepareForModelTest.image(64, 64, "test://q.dcm", 10)), PreprocessOptions.defaults());
    assertThrows(IllegalArgumentException.class, () -> RestoreToOriginalGrid.restore(prepared, Mask.empty(64, 64)));
  }
}
