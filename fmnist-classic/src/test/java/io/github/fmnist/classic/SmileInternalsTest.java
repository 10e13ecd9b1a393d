package io.github.fmnist.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fmnist.api.UnsupportedFeatureException;
import java.util.List;
import org.junit.jupiter.api.Test;
import smile.classification.Classifier;
import smile.classification.KNN;
import smile.classification.OneVersusOne;
import smile.classification.PlattScaling;
import smile.math.distance.EuclideanDistance;
import smile.model.cart.DecisionNode;
import smile.model.cart.OrdinalNode;
import smile.neighbor.LinearSearch;

/** The private Smile fields the formats read still exist under their names and hold what the formats expect. */
class SmileInternalsTest {
    @Test
    void plattSigmoidParameters() {
        PlattScaling platt = new PlattScaling(1.5, -2.25);
        assertEquals(1.5, SmileInternals.doubleField(platt, PlattScaling.class, "alpha"));
        assertEquals(-2.25, SmileInternals.doubleField(platt, PlattScaling.class, "beta"));
    }

    @Test
    void ordinalSplitThreshold() {
        OrdinalNode split = new OrdinalNode(3, 0.375, 0, 0, new DecisionNode(new int[10]), new DecisionNode(new int[10]));
        assertEquals(0.375, SmileInternals.doubleField(split, OrdinalNode.class, "value"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void knnPartsAndPairwiseParts() {
        double[][] rows = {{0, 1}, {1, 0}, {2, 2}};
        int[] labels = {0, 1, 1};
        LinearSearch<double[], double[]> search = LinearSearch.of(rows, new EuclideanDistance());
        KNN<double[]> knn = new KNN<>(search, labels, 2);
        assertSame(search, SmileInternals.field(knn, KNN.class, "knn"));
        assertSame(labels, SmileInternals.field(knn, KNN.class, "y"));
        assertEquals(2, SmileInternals.intField(knn, KNN.class, "k"));
        assertSame(rows[1], ((List<double[]>) SmileInternals.field(search, LinearSearch.class, "keys")).get(1));

        Classifier<double[]>[][] pairs = new Classifier[2][];
        pairs[1] = new Classifier[] {knn};
        PlattScaling[][] platt = {null, {new PlattScaling(1, 0)}};
        OneVersusOne<double[]> ovo = new OneVersusOne<>(pairs, platt);
        assertSame(pairs, SmileInternals.field(ovo, OneVersusOne.class, "classifiers"));
        assertSame(platt, SmileInternals.field(ovo, OneVersusOne.class, "platt"));
    }

    @Test
    void aMissingFieldIsATypedError() {
        assertThrows(UnsupportedFeatureException.class, () -> SmileInternals.field(new PlattScaling(1, 0), PlattScaling.class, "gamma"));
    }
}
