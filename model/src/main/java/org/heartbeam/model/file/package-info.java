/**
 * The HeartBeam model file ({@code model.hbm}: one zip of {@code manifest.json} and float32 weights): writing,
 * reading and checking it, its manifest and provenance, and the code version it records.
 *
 * <p>No Beam. Depends on {@code model.unet}, {@code model.preprocess}, ND4J and Jackson.
 */
package org.heartbeam.model.file;
