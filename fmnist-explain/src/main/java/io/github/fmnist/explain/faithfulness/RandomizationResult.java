package io.github.fmnist.explain.faithfulness;

/**
 * Outcome of a model-randomisation check.
 *
 * @param method                the explainer id
 * @param images                images compared
 * @param meanSpearman          mean rank correlation between the trained and the randomised network's maps over
 *                              the images where both maps vary; near 1 would mean the maps ignore the weights
 * @param meanAbsoluteSpearman  mean of its absolute value (Adebayo et al. report both signs as similarity)
 * @param undefined             images left out because a map was constant (e.g. all zero after ReLU)
 */
public record RandomizationResult(String method, int images, double meanSpearman, double meanAbsoluteSpearman,
                                  int undefined) {
}
