/**
 * Per-image scores of a predicted mask against a reference: overlap (Dice, IoU, precision, recall), surface
 * distances (HD95, ASSD) in millimetres, and LV area.
 *
 * <p>No Beam. Depends on {@code model.image} only.
 */
package org.heartbeam.model.metrics;
