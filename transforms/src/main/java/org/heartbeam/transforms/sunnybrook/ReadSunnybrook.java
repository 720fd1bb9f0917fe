package org.heartbeam.transforms.sunnybrook;

import java.util.Objects;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.heartbeam.model.image.LabeledImage;
import org.heartbeam.transforms.coders.LabeledImageCoder;
import org.heartbeam.transforms.deadletter.DeadLetter;
import org.heartbeam.transforms.deadletter.WithDeadLetters;

/**
 * Reads a Sunnybrook tree (see {@link SunnybrookLayout}) into {@link LabeledImage}s whose label is the
 * filled i-contour ({@link org.heartbeam.model.contour.PolygonRasterizer}, pixel centres at integer
 * contour coordinates).
 *
 * <p>By default only images with an i-contour are read. With {@link #withUnlabelled(boolean)
 * withUnlabelled(true)} every image of every series comes out, labelled ones with their mask (for
 * ejection fraction over whole cines); then an image whose contour is unusable still comes out,
 * <em>unlabelled</em>, and its contour is dead-lettered all the same.
 *
 * <p>Stages: one worker lists the tree ({@value SunnybrookLayout#STAGE}), the items are reshuffled so a
 * runner can spread them, and each is read by {@link ReadSunnybrookItemFn} ({@value #STAGE_CONTOUR},
 * {@value #STAGE_DICOM}). Dead letters (source = the file or folder at fault):
 * <ul>
 *   <li>{@value SunnybrookLayout#STAGE}: see {@link SunnybrookLayout} (missing folders, contour for a
 *       missing image, unparseable file names, bad link.csv rows);
 *   <li>{@value #STAGE_CONTOUR} (source: the contour file): unreadable or garbage text, fewer than 3
 *       vertices, a contour that does not fit the image (size mismatch) or encloses no pixel centre;
 *   <li>{@value #STAGE_DICOM} (source: the .dcm file): undecodable, not one frame, or an InstanceNumber
 *       that contradicts the file name.
 * </ul>
 *
 * <p>Counts reconcile, in the counters of namespace {@code ReadSunnybrook}:
 * {@value #ITEMS_CONSIDERED} = {@value #EMITTED_LABELLED} + {@value #EMITTED_UNLABELLED} +
 * {@value #DEAD_LETTERED}, where an item is one of
 * <ul>
 *   <li>an image considered: every listed image with an i-contour, plus, with withUnlabelled(true),
 *       every other listed image; an image and its contour are one item;
 *   <li>a layout problem (each is one dead letter);
 *   <li>with withUnlabelled(true) only: an unusable contour split off its image, which goes on alone.
 * </ul>
 * Each item ends as exactly one emitted image or one dead letter.
 */
public final class ReadSunnybrook extends PTransform<PBegin, WithDeadLetters<LabeledImage>> {
  public static final String STAGE_LAYOUT = SunnybrookLayout.STAGE;
  public static final String STAGE_CONTOUR = "contour-parse";
  public static final String STAGE_DICOM = "dicom-decode";

  public static final String ITEMS_CONSIDERED = "items-considered";
  public static final String EMITTED_LABELLED = "emitted-labelled";
  public static final String EMITTED_UNLABELLED = "emitted-unlabelled";
  public static final String DEAD_LETTERED = "dead-lettered";

  private static final TupleTag<SunnybrookItem> ITEMS = new TupleTag<SunnybrookItem>("items") {};
  private static final TupleTag<LabeledImage> IMAGES = new TupleTag<LabeledImage>("images") {};

  private final String root;
  private final boolean withUnlabelled;

  private ReadSunnybrook(String root, boolean withUnlabelled) {
    this.root = Objects.requireNonNull(root, "root");
    this.withUnlabelled = withUnlabelled;
  }

  /** @param root the folder holding link.csv, dicoms/ and contourfiles/ (a local or mounted path) */
  public static ReadSunnybrook from(String root) { return new ReadSunnybrook(root, false); }

  /** true: every image, labelled or not; false (the default): only images with an i-contour. */
  public ReadSunnybrook withUnlabelled(boolean withUnlabelled) { return new ReadSunnybrook(root, withUnlabelled); }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder
        .add(DisplayData.item("root", root).withLabel("Sunnybrook tree"))
        .add(DisplayData.item("withUnlabelled", withUnlabelled).withLabel("Keep images without a contour"));
  }

  @Override
  public WithDeadLetters<LabeledImage> expand(PBegin input) {
    PCollectionTuple listed = input
        .apply("Root", Create.of(root).withCoder(StringUtf8Coder.of()))
        .apply("ListLayout", ParDo.of(new ListSunnybrookLayoutFn(ITEMS, withUnlabelled))
            .withOutputTags(ITEMS, TupleTagList.of(WithDeadLetters.DEAD_LETTER_TAG)));
    PCollection<SunnybrookItem> items = listed.get(ITEMS).setCoder(SerializableCoder.of(SunnybrookItem.class));
    PCollection<DeadLetter> layoutProblems = listed.get(WithDeadLetters.DEAD_LETTER_TAG)
        .setCoder(SerializableCoder.of(DeadLetter.class));

    // One listing element fans out to hundreds of items: without the reshuffle a runner would read
    // them all on the worker that listed them.
    PCollectionTuple read = items
        .apply("Spread", Reshuffle.viaRandomKey())
        .apply("ReadImages", ParDo.of(new ReadSunnybrookItemFn(IMAGES, withUnlabelled))
            .withOutputTags(IMAGES, TupleTagList.of(WithDeadLetters.DEAD_LETTER_TAG)));
    PCollection<LabeledImage> images = read.get(IMAGES).setCoder(LabeledImageCoder.of());
    PCollection<DeadLetter> readProblems = read.get(WithDeadLetters.DEAD_LETTER_TAG)
        .setCoder(SerializableCoder.of(DeadLetter.class));

    PCollection<DeadLetter> deadLetters = PCollectionList.of(layoutProblems).and(readProblems)
        .apply("GatherDeadLetters", Flatten.pCollections());
    return WithDeadLetters.of(IMAGES, images, deadLetters);
  }
}
