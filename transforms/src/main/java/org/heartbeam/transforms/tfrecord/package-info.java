/**
 * Beam IO for TFRecords in the seed lab's {@code tf.train.Example} schema: framing with CRC checks, the
 * example codec, reading and writing, and the file summary of {@code inspect}.
 *
 * <p>Beam IO. Depends on {@code model.image}, {@code transforms.coders}, {@code transforms.deadletter} and the
 * TensorFlow protos.
 */
package org.heartbeam.transforms.tfrecord;
