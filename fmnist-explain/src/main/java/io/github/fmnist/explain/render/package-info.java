/**
 * The seed's explanation figure (original | jet heatmap | overlay, titled with predicted and true class),
 * galleries of such figures, and atomic PNG writing. Uses only {@code java.awt} and {@code javax.imageio};
 * works headless.
 */
package io.github.fmnist.explain.render;
