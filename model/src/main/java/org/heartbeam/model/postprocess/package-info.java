/**
 * What is done to a predicted mask before it is written: keeping the largest connected component.
 *
 * <p>No Beam. Depends on {@code model.image} only.
 */
package org.heartbeam.model.postprocess;
