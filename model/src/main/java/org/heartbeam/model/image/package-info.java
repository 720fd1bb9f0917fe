/**
 * The image types every module shares: {@link org.heartbeam.model.image.CardiacImage} (one 2-D MR frame with
 * its geometry and origin), masks, labelled and segmented images, and the PHI-free {@link
 * org.heartbeam.model.image.PatientKey}.
 *
 * <p>No Beam and no other HeartBeam package: the root of the dependency graph.
 */
package org.heartbeam.model.image;
