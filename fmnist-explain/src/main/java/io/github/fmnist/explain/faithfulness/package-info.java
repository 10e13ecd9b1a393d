/**
 * Checks that relevance maps mean something: the deletion metric (a faithful map makes the class
 * probability fall faster than a random map) and the model-randomisation sanity check of Adebayo et al.
 * (maps must change when the network's weights are re-initialised), with Spearman rank correlation.
 */
package io.github.fmnist.explain.faithfulness;
