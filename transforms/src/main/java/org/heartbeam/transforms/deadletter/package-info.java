/**
 * Dead letters: {@link org.heartbeam.transforms.deadletter.WithDeadLetters}, the output of every reader and
 * fallible step (what worked, plus one {@link org.heartbeam.transforms.deadletter.DeadLetter} with source,
 * stage and reason per input that did not), and writing them as JSON lines.
 *
 * <p>Beam and Jackson; no other HeartBeam package.
 */
package org.heartbeam.transforms.deadletter;
