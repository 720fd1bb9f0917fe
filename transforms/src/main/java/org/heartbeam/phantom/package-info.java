/**
 * The synthetic cine phantom behind {@code heartbeam synth}: short-axis cine MR studies with known
 * LV volumes and ejection fraction, written in the exact Sunnybrook layout so every reader and
 * pipeline runs on it as on real data.
 *
 * <p>Entry point: {@link org.heartbeam.phantom.SyntheticStudyGenerator#generate}. Concepts:
 * {@code PhantomPatient} (per-patient random parameters, anatomy at a slice and phase),
 * {@code LeftVentricleShape} / {@code RightVentricleShape} (analytic heart shapes),
 * {@code CardiacCycle} (contraction over the R-R interval), {@code BackgroundAnatomy} (static body,
 * fat, lungs, aorta, spine, liver), {@code PhantomRenderer} (supersampled partial-volume rendering),
 * {@code MrAcquisitionEffects} (PSF blur, coil bias, Rician noise, FOV mask, 16-bit quantisation),
 * {@code PhantomDicomWriter}, {@code ContourPolygon}, {@code GroundTruthWriter},
 * and the file names of {@code sunnybrook.SunnybrookTree}, which the reader shares. Randomness is keyed by (seed, patient, slice, phase, purpose) through
 * {@code SeedMixer}, so patients can be generated in any order or in parallel with the same bytes.
 *
 * <p>No Beam and no other HeartBeam package: it depends on PixelMed (to write DICOM) only. The readers in
 * {@code transforms.sunnybrook} read what it writes.
 */
package org.heartbeam.phantom;
