package org.heartbeam.pipelines.split;

import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Distinct;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.heartbeam.model.image.LabeledImage;
import org.heartbeam.transforms.coders.LabeledImageCoder;

/**
 * Routes named images to the train or validation output by patient ({@link PatientSplit}). The split
 * needs every patient key first (so tiny datasets never leave a split empty): the keys are gathered
 * into a side input, which is small (one short string per patient).
 */
public final class SplitByPatient
    extends PTransform<PCollection<KV<String, LabeledImage>>, PCollectionTuple> {
  public static final TupleTag<KV<String, LabeledImage>> TRAIN = new TupleTag<>("train") {};
  public static final TupleTag<KV<String, LabeledImage>> VALIDATION = new TupleTag<>("validation") {};
  /** One element per image: ("split,patientKey", 1 if labelled else 0), tallied into patients.csv. */
  public static final TupleTag<KV<String, Long>> ASSIGNMENTS = new TupleTag<>("assignments") {};

  private final PatientSplit split;

  public SplitByPatient(PatientSplit split) {
    this.split = split;
  }

  @Override
  public PCollectionTuple expand(PCollection<KV<String, LabeledImage>> named) {
    PCollectionView<List<String>> patientKeys = named
        .apply("PatientKey", MapElements.into(TypeDescriptors.strings())
            .via((KV<String, LabeledImage> kv) -> PatientSplit.patientKey(kv.getValue().image())))
        .apply("DistinctPatients", Distinct.create())
        .apply("AllPatients", View.asList());

    PCollectionTuple routed = named.apply("Route", ParDo.of(new RouteFn(split, patientKeys))
        .withSideInputs(patientKeys)
        .withOutputTags(TRAIN, TupleTagList.of(VALIDATION).and(ASSIGNMENTS)));
    KvCoder<String, LabeledImage> coder = KvCoder.of(StringUtf8Coder.of(), LabeledImageCoder.of());
    routed.get(TRAIN).setCoder(coder);
    routed.get(VALIDATION).setCoder(coder);
    routed.get(ASSIGNMENTS).setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
    return routed;
  }

  private static final class RouteFn extends DoFn<KV<String, LabeledImage>, KV<String, LabeledImage>> {
    private final PatientSplit split;
    private final PCollectionView<List<String>> patientKeys;
    private transient Map<String, DatasetSplit> assignment;

    RouteFn(PatientSplit split, PCollectionView<List<String>> patientKeys) {
      this.split = split;
      this.patientKeys = patientKeys;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      if (assignment == null) {
        // The side input is the same for every element of this global-window batch: compute once.
        assignment = split.assign(c.sideInput(patientKeys));
      }
      String key = PatientSplit.patientKey(c.element().getValue().image());
      DatasetSplit target = assignment.get(key);
      c.output(target == DatasetSplit.VALIDATION ? VALIDATION : TRAIN, c.element());
      c.output(ASSIGNMENTS, KV.of(target.fileName() + "," + key, c.element().getValue().isLabeled() ? 1L : 0L));
    }
  }
}
