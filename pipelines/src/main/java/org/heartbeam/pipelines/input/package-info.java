/**
 * Reading the input folder of a pipeline whatever its kind (DICOM, Sunnybrook layout, seed TFRecords) as
 * labelled-or-not images with dead letters.
 *
 * <p>Beam composites. Depends on the readers in {@code transforms.*} and {@code model.image}.
 */
package org.heartbeam.pipelines.input;
