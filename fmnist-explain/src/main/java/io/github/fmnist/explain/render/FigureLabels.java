package io.github.fmnist.explain.render;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.model.Prediction;
import java.awt.Color;
import java.util.Locale;

/** The title text of a figure and its colour. */
final class FigureLabels {
    static final Color NEUTRAL = Color.BLACK;
    static final Color CORRECT = new Color(0x1B7F2A);
    static final Color WRONG = new Color(0xC0261D);

    private FigureLabels() {
    }

    /** {@code "Predicted: Ankle boot (0.97) / True: Ankle boot"}. */
    static String title(Prediction prediction, FashionClass trueClass) {
        return predicted(prediction) + " / True: " + trueClass.displayName();
    }

    private static final java.util.Map<String, String> METHOD_NAMES = java.util.Map.of(
            "gradcam", "Grad-CAM", "gradcam++", "Grad-CAM++", "scorecam", "Score-CAM", "occlusion", "Occlusion");

    /** {@code "Grad-CAM"} for {@code "gradcam"}; other explainer ids as they are. */
    static String method(String id) {
        return METHOD_NAMES.getOrDefault(id, id);
    }

    /** {@code "Predicted: Ankle boot (0.97)"}. */
    static String predicted(Prediction prediction) {
        return String.format(Locale.ROOT, "Predicted: %s (%.2f)", prediction.predicted().displayName(),
                prediction.confidence());
    }
}
