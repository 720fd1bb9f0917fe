package org.heartbeam.transforms.sunnybrook;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.apache.beam.sdk.transforms.Flatten;
import org.heartbeam.transforms.coders.CardiacImageCoder;
import org.heartbeam.transforms.coders.LabeledImageCoder;
import org.heartbeam.model.contour.Contour;
import org.heartbeam.model.contour.ContourFormatException;
import org.heartbeam.model.contour.ContourMask;
import org.heartbeam.model.contour.ContourParser;
import org.heartbeam.model.image.CardiacImage;
import org.heartbeam.model.image.LabeledImage;
import org.heartbeam.transforms.deadletter.DeadLetter;
import org.heartbeam.transforms.deadletter.WithDeadLetters;

/**
 * Labels decoded DICOM images with Sunnybrook-style i-contour files from one folder
 * ({@code IM-0001-<NNNN>-icontour-manual.txt}), paired by the image's own InstanceNumber: for a plain
 * DICOM folder whose files are not named by instance (unlike the Sunnybrook layout).
 *
 * <p>Instance numbers are unique only within a series, so the folder should hold one series. A
 * contour whose number matches no image, or several images (ambiguous), is dead-lettered, as is an
 * unparseable one or one that does not fit its image. Images without a usable contour are emitted
 * unlabelled only {@link #withUnlabelled(boolean) on request}; otherwise they are counted as skipped.
 * Counts: images = labelled + unlabelled + skipped; contour files = used + dead-lettered.
 */
public final class LabelWithContours extends PTransform<PCollection<CardiacImage>, WithDeadLetters<LabeledImage>> {
  public static final String STAGE_PAIRING = "contour-pairing";
  public static final String CONTOUR_FILES = "contour-files";
  public static final String CONTOURS_DEAD_LETTERED = "contours-dead-lettered";
  public static final String LABELLED_COUNTER = "labelled";
  public static final String UNLABELLED = "unlabelled";
  public static final String SKIPPED_UNLABELLED = "skipped-unlabelled";
  private static final TupleTag<LabeledImage> LABELLED = new TupleTag<LabeledImage>("labelled") {};
  private static final TupleTag<KV<Integer, KV<String, Contour>>> CONTOURS =
      new TupleTag<KV<Integer, KV<String, Contour>>>("contours") {};

  private final String contourFolder;
  private final boolean withUnlabelled;

  private LabelWithContours(String contourFolder, boolean withUnlabelled) {
    this.contourFolder = Objects.requireNonNull(contourFolder, "contourFolder");
    this.withUnlabelled = withUnlabelled;
  }

  /** @param contourFolder a folder of i-contour files (searched recursively) */
  public static LabelWithContours from(String contourFolder) {
    return new LabelWithContours(contourFolder, false);
  }

  public LabelWithContours withUnlabelled(boolean withUnlabelled) {
    return new LabelWithContours(contourFolder, withUnlabelled);
  }

  @Override
  public WithDeadLetters<LabeledImage> expand(PCollection<CardiacImage> images) {
    PCollectionTuple parsed = images.getPipeline()
        .apply("MatchContours", FileIO.match().filepattern(contourFolder + "/**")
            .withEmptyMatchTreatment(EmptyMatchTreatment.ALLOW))
        .apply("ReadContours", FileIO.readMatches())
        .apply("ParseContours", ParDo.of(new ParseContourFileFn())
            .withOutputTags(CONTOURS, TupleTagList.of(WithDeadLetters.DEAD_LETTER_TAG)));
    PCollection<KV<Integer, KV<String, Contour>>> contours = parsed.get(CONTOURS).setCoder(KvCoder.of(
        VarIntCoder.of(), KvCoder.of(StringUtf8Coder.of(), SerializableCoder.of(Contour.class))));

    PCollection<KV<Integer, CardiacImage>> keyed = images
        .apply("ByInstance", WithKeys.of((CardiacImage i) -> i.instanceNumber()).withKeyType(TypeDescriptors.integers()))
        .setCoder(KvCoder.of(VarIntCoder.of(), CardiacImageCoder.of()));
    TupleTag<CardiacImage> imageTag = new TupleTag<>();
    TupleTag<KV<String, Contour>> contourTag = new TupleTag<>();
    PCollectionTuple paired = KeyedPCollectionTuple.of(imageTag, keyed).and(contourTag, contours)
        .apply("PairByInstance", CoGroupByKey.create())
        .apply("Label", ParDo.of(new PairFn(imageTag, contourTag, withUnlabelled))
            .withOutputTags(LABELLED, TupleTagList.of(WithDeadLetters.DEAD_LETTER_TAG)));
    PCollection<LabeledImage> labelled = paired.get(LABELLED).setCoder(LabeledImageCoder.of());
    PCollection<DeadLetter> dead = PCollectionList
        .of(parsed.get(WithDeadLetters.DEAD_LETTER_TAG).setCoder(SerializableCoder.of(DeadLetter.class)))
        .and(paired.get(WithDeadLetters.DEAD_LETTER_TAG).setCoder(SerializableCoder.of(DeadLetter.class)))
        .apply("GatherDeadLetters", Flatten.pCollections());
    return WithDeadLetters.of(LABELLED, labelled, dead);
  }

  /** Contour file -> (instance number, (path, contour)); any other file in the folder is ignored. */
  private static final class ParseContourFileFn extends DoFn<FileIO.ReadableFile, KV<Integer, KV<String, Contour>>> {
    private final Counter contourFiles = Metrics.counter(LabelWithContours.class, CONTOUR_FILES);
    private final Counter deadContours = Metrics.counter(LabelWithContours.class, CONTOURS_DEAD_LETTERED);

    @ProcessElement
    public void process(@Element FileIO.ReadableFile file, MultiOutputReceiver out) {
      String path = file.getMetadata().resourceId().toString();
      Matcher name = SunnybrookLayout.I_CONTOUR_NAME.matcher(file.getMetadata().resourceId().getFilename());
      if (!name.matches()) {
        return; // o-contours, READMEs: not labels
      }
      contourFiles.inc();
      try {
        Contour contour = ContourParser.parse(file.readFullyAsBytes());
        out.get(CONTOURS).output(KV.of(Integer.parseInt(name.group(1)), KV.of(path, contour)));
      } catch (IOException | ContourFormatException | RuntimeException | OutOfMemoryError e) {
        deadContours.inc();
        out.get(WithDeadLetters.DEAD_LETTER_TAG).output(e instanceof ContourFormatException
            ? new DeadLetter(path, ReadSunnybrook.STAGE_CONTOUR, e.getMessage())
            : DeadLetter.of(path, ReadSunnybrook.STAGE_CONTOUR, e));
      }
    }
  }

  private static final class PairFn extends DoFn<KV<Integer, CoGbkResult>, LabeledImage> {
    private final TupleTag<CardiacImage> imageTag;
    private final TupleTag<KV<String, Contour>> contourTag;
    private final boolean withUnlabelled;
    private final Counter labelled = Metrics.counter(LabelWithContours.class, LABELLED_COUNTER);
    private final Counter unlabelled = Metrics.counter(LabelWithContours.class, UNLABELLED);
    private final Counter skipped = Metrics.counter(LabelWithContours.class, SKIPPED_UNLABELLED);
    private final Counter deadContours = Metrics.counter(LabelWithContours.class, CONTOURS_DEAD_LETTERED);

    PairFn(TupleTag<CardiacImage> imageTag, TupleTag<KV<String, Contour>> contourTag, boolean withUnlabelled) {
      this.imageTag = imageTag;
      this.contourTag = contourTag;
      this.withUnlabelled = withUnlabelled;
    }

    @ProcessElement
    public void process(@Element KV<Integer, CoGbkResult> group, MultiOutputReceiver out) {
      int instance = group.getKey();
      List<CardiacImage> images = new ArrayList<>();
      group.getValue().getAll(imageTag).forEach(images::add);
      List<KV<String, Contour>> contours = new ArrayList<>();
      group.getValue().getAll(contourTag).forEach(contours::add);
      contours.sort((a, b) -> a.getKey().compareTo(b.getKey()));

      CardiacImage target = null;
      if (!contours.isEmpty()) {
        if (images.isEmpty()) {
          refuse(out, contours.get(0).getKey(), "contour for image " + instance + " but no image has InstanceNumber " + instance);
        } else if (images.size() > 1) {
          refuse(out, contours.get(0).getKey(), "ambiguous: " + images.size() + " images have InstanceNumber "
              + instance + " (more than one series in the folder?)");
        } else {
          target = images.get(0);
        }
        for (KV<String, Contour> extra : contours.subList(1, contours.size())) {
          refuse(out, extra.getKey(), "a second i-contour for image " + instance + " (first: " + contours.get(0).getKey() + ")");
        }
      }
      for (CardiacImage image : images) {
        if (image == target) {
          try {
            out.get(LABELLED).output(LabeledImage.labeled(image,
                ContourMask.fill(contours.get(0).getValue(), image.rows(), image.columns())));
            labelled.inc();
            continue;
          } catch (ContourFormatException e) {
            refuse(out, contours.get(0).getKey(), e.getMessage());
          }
        }
        if (withUnlabelled) {
          out.get(LABELLED).output(LabeledImage.unlabeled(image));
          unlabelled.inc();
        } else {
          skipped.inc();
        }
      }
    }

    private void refuse(MultiOutputReceiver out, String contourPath, String reason) {
      deadContours.inc();
      out.get(WithDeadLetters.DEAD_LETTER_TAG).output(new DeadLetter(contourPath, STAGE_PAIRING, reason));
    }
  }
}
