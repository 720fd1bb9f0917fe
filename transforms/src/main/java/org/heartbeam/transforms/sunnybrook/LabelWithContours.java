package org.heartbeam.transforms.sunnybrook;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.heartbeam.model.contour.Contour;
import org.heartbeam.model.contour.ContourFormatException;
import org.heartbeam.model.contour.ContourMask;
import org.heartbeam.model.contour.ContourParser;
import org.heartbeam.model.image.CardiacImage;
import org.heartbeam.model.image.LabeledImage;
import org.heartbeam.transforms.coders.LabeledImageCoder;
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
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder
        .add(DisplayData.item("contourFolder", contourFolder).withLabel("Contour folder"))
        .add(DisplayData.item("withUnlabelled", withUnlabelled).withLabel("Keep images without a contour"));
  }

  /**
   * Images never move: the contours (a few KB each) and the per-instance image counts (one number per
   * InstanceNumber) travel as side inputs to where the images are. A shuffle of every 256 KB image just
   * to meet its contour would cost more than the labelling.
   */
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
    PCollectionView<Map<Integer, Iterable<KV<String, Contour>>>> contoursByInstance =
        contours.apply("ContoursByInstance", View.asMultimap());
    PCollectionView<Map<Integer, Long>> imagesPerInstance = images
        .apply("InstanceNumbers", MapElements.into(TypeDescriptors.integers()).via(CardiacImage::instanceNumber))
        .apply("CountPerInstance", Count.perElement())
        .apply("ImagesPerInstance", View.asMap());

    PCollectionTuple labelled = images.apply("Label",
        ParDo.of(new LabelImageFn(contoursByInstance, imagesPerInstance, withUnlabelled))
            .withSideInputs(contoursByInstance, imagesPerInstance)
            .withOutputTags(LABELLED, TupleTagList.of(WithDeadLetters.DEAD_LETTER_TAG)));
    PCollection<DeadLetter> unpaired = contours.apply("UnpairedContours",
        ParDo.of(new UnpairedContourFn(contoursByInstance, imagesPerInstance))
            .withSideInputs(contoursByInstance, imagesPerInstance));
    PCollection<DeadLetter> dead = PCollectionList
        .of(parsed.get(WithDeadLetters.DEAD_LETTER_TAG).setCoder(SerializableCoder.of(DeadLetter.class)))
        .and(labelled.get(WithDeadLetters.DEAD_LETTER_TAG).setCoder(SerializableCoder.of(DeadLetter.class)))
        .and(unpaired.setCoder(SerializableCoder.of(DeadLetter.class)))
        .apply("GatherDeadLetters", Flatten.pCollections());
    return WithDeadLetters.of(LABELLED, labelled.get(LABELLED).setCoder(LabeledImageCoder.of()), dead);
  }

  /** The contour files of an instance, first by path: the first is used, any other is a duplicate. */
  private static List<KV<String, Contour>> sortedByPath(Iterable<KV<String, Contour>> contours) {
    List<KV<String, Contour>> list = new ArrayList<>();
    if (contours != null) {
      contours.forEach(list::add);
    }
    list.sort((a, b) -> a.getKey().compareTo(b.getKey()));
    return list;
  }

  /** Contour file -> (instance number, (path, contour)); any other file in the folder is ignored. */
  private static final class ParseContourFileFn extends DoFn<FileIO.ReadableFile, KV<Integer, KV<String, Contour>>> {
    private final Counter contourFiles = Metrics.counter(LabelWithContours.class, CONTOUR_FILES);
    private final Counter deadContours = Metrics.counter(LabelWithContours.class, CONTOURS_DEAD_LETTERED);

    @ProcessElement
    public void process(@Element FileIO.ReadableFile file, MultiOutputReceiver out) {
      String path = file.getMetadata().resourceId().toString();
      Matcher name = SunnybrookTree.I_CONTOUR_NAME.matcher(file.getMetadata().resourceId().getFilename());
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

  /** Labels each image with its instance's contour when that pairing is unambiguous. */
  private static final class LabelImageFn extends DoFn<CardiacImage, LabeledImage> {
    private final PCollectionView<Map<Integer, Iterable<KV<String, Contour>>>> contoursByInstance;
    private final PCollectionView<Map<Integer, Long>> imagesPerInstance;
    private final boolean withUnlabelled;
    private final Counter labelled = Metrics.counter(LabelWithContours.class, LABELLED_COUNTER);
    private final Counter unlabelled = Metrics.counter(LabelWithContours.class, UNLABELLED);
    private final Counter skipped = Metrics.counter(LabelWithContours.class, SKIPPED_UNLABELLED);
    private final Counter deadContours = Metrics.counter(LabelWithContours.class, CONTOURS_DEAD_LETTERED);

    LabelImageFn(PCollectionView<Map<Integer, Iterable<KV<String, Contour>>>> contoursByInstance,
        PCollectionView<Map<Integer, Long>> imagesPerInstance, boolean withUnlabelled) {
      this.contoursByInstance = contoursByInstance;
      this.imagesPerInstance = imagesPerInstance;
      this.withUnlabelled = withUnlabelled;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      CardiacImage image = c.element();
      List<KV<String, Contour>> contours = sortedByPath(c.sideInput(contoursByInstance).get(image.instanceNumber()));
      boolean unique = c.sideInput(imagesPerInstance).getOrDefault(image.instanceNumber(), 0L) == 1;
      if (!contours.isEmpty() && unique) {
        KV<String, Contour> contour = contours.get(0);
        try {
          c.output(LabeledImage.labeled(image, ContourMask.fill(contour.getValue(), image.rows(), image.columns())));
          labelled.inc();
          return;
        } catch (ContourFormatException misfit) {
          // the one image of this instance refuses it: this is the contour's only dead letter
          deadContours.inc();
          c.output(WithDeadLetters.DEAD_LETTER_TAG, new DeadLetter(contour.getKey(), STAGE_PAIRING, misfit.getMessage()));
        }
      }
      if (withUnlabelled) {
        c.output(LabeledImage.unlabeled(image));
        unlabelled.inc();
      } else {
        skipped.inc();
      }
    }
  }

  /** Dead-letters contours that label no image: no image, several images, or a second contour. */
  private static final class UnpairedContourFn extends DoFn<KV<Integer, KV<String, Contour>>, DeadLetter> {
    private final PCollectionView<Map<Integer, Iterable<KV<String, Contour>>>> contoursByInstance;
    private final PCollectionView<Map<Integer, Long>> imagesPerInstance;
    private final Counter deadContours = Metrics.counter(LabelWithContours.class, CONTOURS_DEAD_LETTERED);

    UnpairedContourFn(PCollectionView<Map<Integer, Iterable<KV<String, Contour>>>> contoursByInstance,
        PCollectionView<Map<Integer, Long>> imagesPerInstance) {
      this.contoursByInstance = contoursByInstance;
      this.imagesPerInstance = imagesPerInstance;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      int instance = c.element().getKey();
      String path = c.element().getValue().getKey();
      long images = c.sideInput(imagesPerInstance).getOrDefault(instance, 0L);
      String first = sortedByPath(c.sideInput(contoursByInstance).get(instance)).get(0).getKey();
      String reason = null;
      if (!path.equals(first)) {
        reason = "a second i-contour for image " + instance + " (first: " + first + ")";
      } else if (images == 0) {
        reason = "contour for image " + instance + " but no image has InstanceNumber " + instance;
      } else if (images > 1) {
        reason = "ambiguous: " + images + " images have InstanceNumber " + instance
            + " (more than one series in the folder?)";
      }
      if (reason != null) {
        deadContours.inc();
        c.output(new DeadLetter(path, STAGE_PAIRING, reason));
      }
    }
  }
}
