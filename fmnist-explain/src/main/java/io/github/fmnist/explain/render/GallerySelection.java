package io.github.fmnist.explain.render;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.InvalidInputException;
import io.github.fmnist.api.model.Prediction;
import java.util.ArrayList;
import java.util.List;

/** Picks which examples a gallery shows. */
public final class GallerySelection {

    private GallerySelection() {
    }

    /**
     * For each class in label order, the index of its first correctly classified example and of its first
     * misclassified one (an example whose true class it is); a class without one of them contributes only
     * the other.
     *
     * @param predictions one per example
     * @param labels      the true labels, 0..9
     * @throws InvalidInputException if the counts differ
     */
    public static int[] correctAndWrongPerClass(List<Prediction> predictions, int[] labels) {
        if (predictions.size() != labels.length) {
            throw new InvalidInputException(predictions.size() + " predictions but " + labels.length + " labels");
        }
        int[] firstCorrect = new int[FashionClass.COUNT];
        int[] firstWrong = new int[FashionClass.COUNT];
        java.util.Arrays.fill(firstCorrect, -1);
        java.util.Arrays.fill(firstWrong, -1);
        for (int i = 0; i < labels.length; i++) {
            int label = FashionClass.of(labels[i]).label();
            int[] slot = predictions.get(i).predicted().label() == label ? firstCorrect : firstWrong;
            if (slot[label] < 0) {
                slot[label] = i;
            }
        }
        List<Integer> out = new ArrayList<>();
        for (int c = 0; c < FashionClass.COUNT; c++) {
            if (firstCorrect[c] >= 0) {
                out.add(firstCorrect[c]);
            }
            if (firstWrong[c] >= 0) {
                out.add(firstWrong[c]);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
