package org.heartbeam.phantom;

/** Which cardiac phases get i- and o-contour files. */
public enum ContouredPhases {
  /** Every slice at every phase: the most training labels. */
  ALL,
  /** Only the end-diastolic and end-systolic phase of each slice, as in the Sunnybrook release. */
  ED_ES
}
