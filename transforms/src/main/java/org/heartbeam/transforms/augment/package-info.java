/**
 * Training-time augmentation: random geometric and intensity changes of a training example as pure functions,
 * the DoFn that makes one augmented copy per epoch, and the training example type and its coder.
 *
 * <p>Beam DoFns and coders. Depends on {@code model.preprocess} and {@code transforms.deadletter}.
 */
package org.heartbeam.transforms.augment;
