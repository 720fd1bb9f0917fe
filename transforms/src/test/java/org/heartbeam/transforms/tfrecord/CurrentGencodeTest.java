package org.heartbeam.transforms.tfrecord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.heartbeam.model.image.LabeledImage;
import org.heartbeam.tensorboard.framework.Summary;
import org.heartbeam.tensorboard.util.Event;
import org.heartbeam.testing.SeedPatternImages;
import org.junit.jupiter.api.Test;
import org.tensorflow.example.Example;

/**
 * The tf.train.Example classes are generated in this build from TensorFlow's .proto files: the 2019
 * classes of org.tensorflow:proto:1.15.0 made protobuf-java log "Vulnerable protobuf generated type in
 * use ... pre-22 gencode" (GHSA-h4h5-3hr4-j3g2) once per class when a TFRecord was parsed.
 */
class CurrentGencodeTest {
  @Test
  void readingATfRecordLogsNoGencodeWarning() throws Exception {
    List<LogRecord> warnings = new ArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
          warnings.add(record);
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Logger protobuf = Logger.getLogger("com.google.protobuf");
    protobuf.addHandler(capture);
    try {
      LabeledImage image = SeedPatternImages.image(1, 8, 6, "case_");
      byte[] record = SeedExampleCodec.encode(image, "case_001");
      assertEquals(image, SeedExampleCodec.decode(record, "file.tfrecords#record=0", 1.0));
      Example.parseFrom(record);
    } finally {
      protobuf.removeHandler(capture);
    }
    assertTrue(warnings.isEmpty(), () -> "protobuf warned: " + warnings.get(0).getMessage());
  }

  @Test
  void theMessageClassesAreThisBuildsAndKeepTensorFlowsJavaNames() {
    for (Class<?> generated : List.of(Example.class, Event.class, Summary.class)) {
      String from = generated.getProtectionDomain().getCodeSource().getLocation().toString();
      assertTrue(from.contains("heartbeam-transforms") || from.endsWith("transforms/target/classes/"),
          generated.getName() + " loaded from " + from);
    }
    // Event carries a Summary the way TensorBoard reads it: the generated types fit together.
    Event event = Event.newBuilder().setStep(3).setSummary(Summary.newBuilder()
        .addValue(Summary.Value.newBuilder().setTag("loss").setSimpleValue(0.5f))).build();
    assertEquals(0.5f, event.getSummary().getValue(0).getSimpleValue());
  }
}
