/**
 * The streaming inference pipeline ({@code heartbeam stream}) and its benchmark: a watched folder in;
 * per-image records and per-window statistics out, written atomically under deterministic names.
 *
 * <p>A Beam pipeline graph. Depends on {@code transforms.*} and {@code model.*}.
 */
package org.heartbeam.pipelines.stream;
