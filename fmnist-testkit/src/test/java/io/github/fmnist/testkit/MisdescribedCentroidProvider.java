package io.github.fmnist.testkit;

/**
 * A toy plugin that honours every check but one: it offers a network description that leaves out the
 * per-class biases, so the description's probabilities disagree with the classifier's.
 */
public class MisdescribedCentroidProvider extends NearestCentroidProvider {
    public MisdescribedCentroidProvider() {
        super("toy-misdescribed", "Nearest centroid with a wrong description (toy)", false);
    }
}
