/**
 * The numbers of a segmented image and of groups of images: per-image statistics, summaries per patient or
 * run, and LV volumes / EF per cine study.
 *
 * <p>No Beam. Depends on {@code model.image}, {@code model.metrics} and {@code model.volume}.
 */
package org.heartbeam.model.stats;
