/**
 * Preparing images for the U-Net in a pipeline: {@link org.heartbeam.transforms.preprocess.PrepareForModel}
 * applies {@code model.preprocess} to every image, a dead letter for each it refuses.
 *
 * <p>Beam transforms and DoFns. Depends on {@code model.image}, {@code model.preprocess} and {@code
 * transforms.deadletter}.
 */
package org.heartbeam.transforms.preprocess;
