/**
 * The bench run: drawing the seeded split, training, evaluating, timing, saving and exporting each model, and the explanation gallery.
 */
package io.github.fmnist.bench.run;
