/**
 * The patient-wise train / validation split that convert writes and training reads: the deterministic {@link
 * org.heartbeam.pipelines.split.PatientSplit}, the {@link org.heartbeam.pipelines.split.DatasetSplit} names,
 * and the {@link org.heartbeam.pipelines.split.SplitByPatient} transform.
 *
 * <p>Beam (the transform); {@code PatientSplit} and {@code DatasetSplit} have none. Depends on {@code
 * model.image} and {@code transforms.coders}.
 */
package org.heartbeam.pipelines.split;
