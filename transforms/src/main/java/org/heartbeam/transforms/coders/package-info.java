/**
 * Binary Beam coders for the image types ({@code CardiacImage}, {@code LabeledImage}, {@code SegmentedImage}):
 * every shuffle of images goes through them.
 *
 * <p>Beam coders. Depends on {@code model.image} only.
 */
package org.heartbeam.transforms.coders;
