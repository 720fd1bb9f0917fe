/**
 * LV volume per cardiac phase of a short-axis cine stack by Simpson's disc summation, and EDV, ESV, SV and EF
 * from it.
 *
 * <p>No Beam and no other HeartBeam package.
 */
package org.heartbeam.model.volume;
