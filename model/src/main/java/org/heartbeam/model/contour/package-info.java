/**
 * Expert contours: the Sunnybrook contour text format, closed polygons in pixel coordinates, the pixel-centre
 * convention, and filling a contour into a {@link org.heartbeam.model.image.Mask}.
 *
 * <p>No Beam. Depends on {@code model.image} only.
 */
package org.heartbeam.model.contour;
