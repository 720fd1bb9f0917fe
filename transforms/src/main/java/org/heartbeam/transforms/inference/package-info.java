/**
 * Model inference in a pipeline, shaped like Beam Python's {@code RunInference}: {@link
 * org.heartbeam.transforms.inference.RunInference} with batching, a JVM-wide model cache and replicas, and the
 * {@link org.heartbeam.transforms.inference.ModelHandler}s of the U-Net (a fixed file, or whatever version a
 * registry ref names now).
 *
 * <p>Beam transforms and DoFns. Depends on {@code model.*}, {@code registry} and {@code
 * transforms.deadletter}.
 */
package org.heartbeam.transforms.inference;
