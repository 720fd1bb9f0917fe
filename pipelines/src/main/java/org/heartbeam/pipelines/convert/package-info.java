/**
 * The convert pipeline ({@code heartbeam convert}): a Sunnybrook-layout or DICOM folder to seed-schema
 * TFRecords split train / validation by patient, with its options and manifest.
 *
 * <p>A Beam pipeline graph. Depends on {@code transforms.*} (readers, TFRecord writer, dead letters), {@code
 * pipelines.split} and {@code pipelines.files}.
 */
package org.heartbeam.pipelines.convert;
