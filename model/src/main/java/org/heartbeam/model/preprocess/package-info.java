/**
 * Images to U-Net inputs and back: intensity normalization strategies (the text forms a model manifest
 * records), the grid mapping between original and model grid, and the preparer that applies both.
 *
 * <p>No Beam. Depends on {@code model.image} only.
 */
package org.heartbeam.model.preprocess;
