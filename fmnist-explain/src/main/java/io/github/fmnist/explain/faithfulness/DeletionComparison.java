package io.github.fmnist.explain.faithfulness;

/**
 * Deletion AUCs of an explainer's maps and of random maps on the same images.
 *
 * @param method       the explainer id
 * @param images       how many images were explained
 * @param explainerAuc mean deletion AUC of the explainer's maps
 * @param randomAuc    mean deletion AUC of seeded random maps (same images, same target classes)
 * @param explainerWins images on which the explainer's AUC was below the random map's
 */
public record DeletionComparison(String method, int images, double explainerAuc, double randomAuc, int explainerWins) {

    /** {@code randomAuc − explainerAuc}; positive when the maps beat chance. */
    public double margin() {
        return randomAuc - explainerAuc;
    }
}
