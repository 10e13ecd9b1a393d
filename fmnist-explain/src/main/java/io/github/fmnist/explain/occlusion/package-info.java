/** Model-agnostic occlusion sensitivity: explains any classifier through its probabilities alone. */
package io.github.fmnist.explain.occlusion;
