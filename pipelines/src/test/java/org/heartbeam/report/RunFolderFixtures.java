package org.heartbeam.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Run folders in the formats the train pipeline and the inference outputs write, built by hand so
 * the report is tested against the files, not against the code that writes them.
 */
final class RunFolderFixtures {
  /** Text that must arrive on the page escaped, never as markup. */
  static final String HOSTILE = "<script>alert('x')</script>&";
  static final int OVERLAY_SIZE = 64;

  private RunFolderFixtures() {}

  static Path trainingRun(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("run.json"), """
        {
          "command" : "heartbeam train",
          "options" : { "epochs" : 4, "note" : "%s" },
          "data_fingerprint" : "abc123",
          "seed" : 7,
          "backend" : "CPU",
          "omp_threads" : 1,
          "best_epoch" : 3,
          "epochs_run" : 4,
          "stopped_early" : false,
          "metrics" : { "val_dice_mean" : 0.81, "val_dice_median" : 0.84, "val_loss" : 0.2, "train_loss" : 0.18 },
          "train_images" : 120,
          "validation_images" : 30,
          "train_patients" : 4,
          "validation_patients" : 1,
          "dead_letters" : 1,
          "started_at" : "2026-11-27T20:00:00Z",
          "finished_at" : "2026-11-27T20:10:00Z"
        }
        """.formatted(HOSTILE.replace("\"", "\\\"")), StandardCharsets.UTF_8);
    StringBuilder epochs = new StringBuilder("epoch,train_loss,val_loss,val_dice_mean,val_dice_median,learning_rate,seconds\n");
    for (int e = 1; e <= 4; e++) {
      epochs.append(String.format(Locale.ROOT, "%d,%s,%s,%s,%s,0.001,12.5%n", e, 0.9 / e, 1.0 / e, 0.2 * e,
          e == 2 ? "NaN" : Double.toString(0.21 * e)));
    }
    Files.writeString(dir.resolve("epochs.csv"), epochs.toString(), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("dead_letters.jsonl"),
        "{\"source\":\"/data/SCD0000101/IM-0001.dcm\",\"stage\":\"read-dicom\",\"reason\":\"truncated\"}\n",
        StandardCharsets.UTF_8);
    return dir;
  }

  /**
   * An inference run with 7 labelled images of two patients (Dice 0.1 .. 0.95), an overlay PNG for
   * each under study/series folders, per-patient and per-run summaries, two series' volumes (one not
   * computable), and two dead letters.
   */
  static Path inferenceRun(Path dir) throws IOException {
    Files.createDirectories(dir);
    double[] dice = {0.10, 0.55, 0.70, 0.80, 0.85, 0.90, 0.95};
    StringBuilder images = new StringBuilder("model_version,image_key,patient_key,study_key,series_key,source_uri,"
        + "slice_position_mm,phase_index,trigger_time_ms,lv_area_mm2,predicted_pixels,labelled,label_area_mm2,dice,"
        + "smoothed_dice,iou,precision,recall,hd95_mm,assd_mm\n");
    for (int i = 0; i < dice.length; i++) {
      String patient = i < 4 ? "p-aaaa1111bbbb2222" : "p-cccc3333dddd4444";
      String key = imageKey(i);
      images.append(String.format(Locale.ROOT, "\"%s\",%s,%s,s-1,se-%d,/data/SCD0000101/IM-%d.dcm,%d,%d,30,%d,100,"
          + "true,900,%s,%s,0.5,0.9,0.9,2.0,1.0%n", HOSTILE.replace("\"", "\"\""), key, patient, i < 4 ? 1 : 2, i,
          i * 10, i % 3, 800 + i * 10, dice[i], dice[i]));
      writeOverlay(dir.resolve("outputs/1.2.3/1.2.3." + (i < 4 ? 1 : 2)).resolve(key + "_overlay.png"), i);
    }
    Files.writeString(dir.resolve("images.csv"), images.toString(), StandardCharsets.UTF_8);
    String summaryColumns = "images,labelled,metric,count,nan_count,mean,sd,median,q1,q3,min,max";
    Files.writeString(dir.resolve("patients.csv"), "model_version,patient_key," + summaryColumns + "\n"
        + "v1,p-aaaa1111bbbb2222,4,4,lv_area_mm2,4,0,815,13,815,805,825,800,830\n"
        + "v1,p-aaaa1111bbbb2222,4,4,dice,4,0,0.5375,0.3,0.625,0.4,0.74,0.1,0.8\n"
        + "v1," + HOSTILE + "x,3,3,dice,3,0,0.9,0.05,0.9,0.87,0.92,0.85,0.95\n", StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("run.csv"), "model_version," + summaryColumns + "\n"
        + "v1,7,7,dice,7,0,0.6929,0.3,0.8,0.62,0.875,0.1,0.95\n", StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("volumes.csv"), "model_version,patient_key,study_key,series_key,images,slices,"
        + "phases,slice_spacing_mm,ed_phase,es_phase,edv_ml,esv_ml,sv_ml,ef_percent,computable,reason,volumes_ml\n"
        + "v1,p-aaaa1111bbbb2222,s-1,se-1,4,2,2,8,0,1,150,60,90,60,true,,150;60\n"
        + "v1,p-cccc3333dddd4444,s-1,se-2,3,3,1,8,,,,,,,false,\"only one phase, " + HOSTILE.replace("\"", "\"\"")
        + "\",\n", StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("dead_letters.jsonl"),
        "{\"source\":\"/data/SCD0000101/a.dcm\",\"stage\":\"read-dicom\",\"reason\":\"truncated\"}\n"
            + "{\"source\":\"/data/SCD0000101/b.dcm\",\"stage\":\"infer\",\"reason\":\"NaN output\"}\n",
        StandardCharsets.UTF_8);
    return dir;
  }

  static String imageKey(int i) { return "img" + i + "0123456789abcdef"; }

  /** A grey square with a red ring whose radius depends on i, like the overlays the pipeline writes. */
  private static void writeOverlay(Path file, int i) throws IOException {
    Files.createDirectories(file.getParent());
    BufferedImage image = new BufferedImage(OVERLAY_SIZE, OVERLAY_SIZE, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(90, 90, 90));
    g.fillRect(0, 0, OVERLAY_SIZE, OVERLAY_SIZE);
    g.setColor(Color.RED);
    int r = 8 + 2 * i;
    g.drawOval(OVERLAY_SIZE / 2 - r, OVERLAY_SIZE / 2 - r, 2 * r, 2 * r);
    g.dispose();
    ImageIO.write(image, "png", file.toFile());
  }
}
