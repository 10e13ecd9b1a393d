package io.github.fmnist.api.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Twenty examples, two per class. One Shirt is predicted as T-shirt/top and one T-shirt/top as Shirt;
 * the rest are right. By hand: T-shirt/top and Shirt each have precision = recall = F1 = 1/2, the other
 * classes 1; accuracy 18/20; macro and weighted averages (8 + 0.5 + 0.5) / 10 = 0.9.
 */
class EvaluationTest {
    private static final int[] TRUE = {0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9};
    private static final int[] PREDICTED = {0, 6, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 0, 6, 7, 7, 8, 8, 9, 9};

    private static Evaluation evaluation() {
        float[][] p = new float[TRUE.length][10];
        for (int i = 0; i < TRUE.length; i++) {
            if (TRUE[i] == PREDICTED[i]) {
                java.util.Arrays.fill(p[i], 0.2f / 9);
                p[i][TRUE[i]] = 0.8f;
            } else {
                java.util.Arrays.fill(p[i], 0.2f / 8);
                p[i][PREDICTED[i]] = 0.7f;
                p[i][TRUE[i]] = 0.1f;
            }
        }
        return Evaluation.of(TRUE, p);
    }

    @Test
    void accuracyAndLogLoss() {
        Evaluation e = evaluation();
        assertEquals(0.9, e.accuracy(), 1e-12);
        assertEquals((18 * -Math.log(0.8f) + 2 * -Math.log(0.1f)) / 20, e.logLoss(), 1e-6);
        assertEquals(20, e.size());
    }

    @Test
    void confusionMatrixRowsAreTrueClasses() {
        ConfusionMatrix m = evaluation().confusionMatrix();
        assertEquals(1, m.count(FashionClass.SHIRT, FashionClass.T_SHIRT_TOP));
        assertEquals(1, m.count(FashionClass.T_SHIRT_TOP, FashionClass.SHIRT));
        assertEquals(2, m.count(FashionClass.BAG, FashionClass.BAG));
        assertEquals(18, m.correct());
        assertEquals(2, m.support(FashionClass.SHIRT));
    }

    @Test
    void perClassAndAverages() {
        Evaluation e = evaluation();
        ClassMetrics shirt = e.perClass().get(6);
        assertEquals(new ClassMetrics(FashionClass.SHIRT, 0.5, 0.5, 0.5, 2), shirt);
        assertEquals(new ClassMetrics(FashionClass.TROUSER, 1, 1, 1, 2), e.perClass().get(1));
        assertEquals(0.9, e.macroAverage().f1(), 1e-12);
        assertEquals(0.9, e.weightedAverage().precision(), 1e-12);
    }

    @Test
    void topConfusionsListOffDiagonalCells() {
        List<ConfusedPair> top = evaluation().topConfusions(5);
        assertEquals(2, top.size());
        assertEquals(new ConfusedPair(FashionClass.T_SHIRT_TOP, FashionClass.SHIRT, 1, 0.5), top.get(0));
        assertEquals(new ConfusedPair(FashionClass.SHIRT, FashionClass.T_SHIRT_TOP, 1, 0.5), top.get(1));
    }

    @Test
    void reportHasScikitLearnLayout() {
        String expected = String.join("\n",
                "              precision    recall  f1-score   support",
                "",
                " T-shirt/top       0.50      0.50      0.50         2",
                "     Trouser       1.00      1.00      1.00         2",
                "    Pullover       1.00      1.00      1.00         2",
                "       Dress       1.00      1.00      1.00         2",
                "        Coat       1.00      1.00      1.00         2",
                "      Sandal       1.00      1.00      1.00         2",
                "       Shirt       0.50      0.50      0.50         2",
                "     Sneaker       1.00      1.00      1.00         2",
                "         Bag       1.00      1.00      1.00         2",
                "  Ankle boot       1.00      1.00      1.00         2",
                "",
                "    accuracy                           0.90        20",
                "   macro avg       0.90      0.90      0.90        20",
                "weighted avg       0.90      0.90      0.90        20",
                "");
        assertEquals(expected, evaluation().classificationReport());
    }

    @Test
    void precisionOfAClassNeverPredictedIsZero() {
        int[] truth = {0, 1};
        float[][] p = new float[2][10];
        p[0][1] = 1;
        p[1][1] = 1;
        Evaluation e = Evaluation.of(truth, p);
        assertEquals(0.0, e.perClass().get(0).precision());
        assertEquals(0.5, e.perClass().get(1).precision());
        assertEquals(-Math.log(Evaluation.LOG_LOSS_EPSILON) / 2, e.logLoss(), 1e-9);
    }

    @Test
    void rejectsMismatchedInput() {
        assertThrows(InvalidInputException.class, () -> Evaluation.of(new int[] {1}, new float[2][10]));
        assertThrows(InvalidInputException.class, () -> Evaluation.of(new int[0], new float[0][]));
        assertThrows(InvalidInputException.class, () -> Evaluation.of(new int[] {1}, new float[][] {new float[9]}));
    }
}
