/**
 * The batch inference pipeline ({@code heartbeam infer}) and its benchmark: images in; masks, overlays, DICOM
 * SEG, statistics, volumes and EF out, with options and manifest.
 *
 * <p>A Beam pipeline graph. Depends on {@code transforms.*}, {@code pipelines.input}, {@code pipelines.files},
 * {@code registry}, {@code model.*}, and {@code phantom} for the benchmark's synthetic input and truth.
 */
package org.heartbeam.pipelines.infer;
