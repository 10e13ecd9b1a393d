package io.github.fmnist.bench.report;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.eval.ConfusionMatrix;
import io.github.fmnist.api.eval.Evaluation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The seed's open question in numbers: how often a model mixes up the four upper-body classes (T-shirt/top,
 * Pullover, Coat, Shirt), and Shirt's F1 beside the seed's {@value io.github.fmnist.bench.results.SeedReference#SHIRT_F1}.
 * Shared by results.json, report.html and summary.md.
 */
final class UpperBodyConfusions {
    /** The classes, in label order. */
    static final List<FashionClass> CLASSES = List.of(FashionClass.T_SHIRT_TOP, FashionClass.PULLOVER, FashionClass.COAT,
            FashionClass.SHIRT);

    private UpperBodyConfusions() {
    }

    /** Each ordered pair of different classes, true class first, in a fixed order (Shirt's pairs first). */
    static List<FashionClass[]> pairs() {
        List<FashionClass[]> pairs = new ArrayList<>();
        for (FashionClass other : List.of(FashionClass.T_SHIRT_TOP, FashionClass.PULLOVER, FashionClass.COAT)) {
            pairs.add(new FashionClass[] {FashionClass.SHIRT, other});
            pairs.add(new FashionClass[] {other, FashionClass.SHIRT});
        }
        pairs.add(new FashionClass[] {FashionClass.PULLOVER, FashionClass.COAT});
        pairs.add(new FashionClass[] {FashionClass.COAT, FashionClass.PULLOVER});
        pairs.add(new FashionClass[] {FashionClass.T_SHIRT_TOP, FashionClass.PULLOVER});
        pairs.add(new FashionClass[] {FashionClass.PULLOVER, FashionClass.T_SHIRT_TOP});
        pairs.add(new FashionClass[] {FashionClass.T_SHIRT_TOP, FashionClass.COAT});
        pairs.add(new FashionClass[] {FashionClass.COAT, FashionClass.T_SHIRT_TOP});
        return pairs;
    }

    /** Short column label of a pair, e.g. {@code Shirt→T-shirt/top}. */
    static String label(FashionClass[] pair) {
        return pair[0].displayName() + "→" + pair[1].displayName();
    }

    static double shirtF1(Evaluation e) {
        return e.perClass().get(FashionClass.SHIRT.label()).f1();
    }

    /** Test images of one of the four classes predicted as another of them. */
    static int total(Evaluation e) {
        ConfusionMatrix m = e.confusionMatrix();
        int total = 0;
        for (FashionClass[] pair : pairs()) {
            total += m.count(pair[0], pair[1]);
        }
        return total;
    }

    /** The JSON of one model: the classes, the 4×4 block of the confusion matrix, the total, Shirt's F1. */
    static Map<String, Object> json(Evaluation e) {
        ConfusionMatrix m = e.confusionMatrix();
        List<Object> rows = new ArrayList<>();
        for (FashionClass actual : CLASSES) {
            int[] row = new int[CLASSES.size()];
            for (int j = 0; j < CLASSES.size(); j++) {
                row[j] = m.count(actual, CLASSES.get(j));
            }
            rows.add(row);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("classes", CLASSES.stream().map(FashionClass::displayName).toList());
        out.put("counts", rows);
        out.put("confusedImages", total(e));
        out.put("shirtF1", shirtF1(e));
        return out;
    }
}
