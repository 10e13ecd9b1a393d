package io.github.fmnist.testkit.explain;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.Image;
import io.github.fmnist.api.InvalidInputException;
import io.github.fmnist.api.explain.Explainer;
import io.github.fmnist.api.explain.ExplainerDescriptor;
import io.github.fmnist.api.explain.ExplainerProvider;
import io.github.fmnist.api.explain.Explanation;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.Hyperparameter;
import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.Prediction;
import java.util.List;
import java.util.Map;

/**
 * A test-only, model-agnostic explainer: the image is cut into square blocks; a block's relevance is how much the
 * target probability drops when the block is set to black, negative drops cut to zero, divided by the largest drop.
 */
public final class BlockDeletionProvider implements ExplainerProvider {
    static final String ID = "toy-block-deletion";
    static final Hyperparameter<Integer> BLOCK = Hyperparameter.ofInt("block", 4, 1, Image.SIDE,
            "side of the blacked-out square in pixels; must divide 28");
    private static final ExplainerDescriptor DESCRIPTOR = new ExplainerDescriptor(ID, "Block deletion (toy)", "1",
            "Test-only: the drop of the target probability when each block of the image is blacked out.", true,
            Hyperparameters.defaults(List.of(BLOCK)));

    @Override
    public ExplainerDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public boolean supports(Classifier classifier) {
        return true;
    }

    @Override
    public Explainer create(Classifier classifier, Hyperparameters options) {
        int block = options.get(BLOCK);
        if (Image.SIDE % block != 0) {
            throw new InvalidInputException("block side must divide " + Image.SIDE + ", found " + block);
        }
        return new BlockDeletion(classifier, block);
    }

    private record BlockDeletion(Classifier classifier, int block) implements Explainer {
        @Override
        public Explanation explain(Image image, FashionClass target) {
            float[] x = image.toNormalized();
            return explain(x, target, classifier.predictNormalized(x)[0]);
        }

        @Override
        public Explanation explainPredicted(Image image) {
            float[] x = image.toNormalized();
            float[] p = classifier.predictNormalized(x)[0];
            return explain(x, FashionClass.of(Prediction.argmax(p)), p);
        }

        private Explanation explain(float[] x, FashionClass target, float[] probabilities) {
            int perSide = Image.SIDE / block;
            float[] blacked = new float[perSide * perSide * Image.PIXELS];
            for (int b = 0; b < perSide * perSide; b++) {
                System.arraycopy(x, 0, blacked, b * Image.PIXELS, Image.PIXELS);
                forEachPixel(b, perSide, p -> blacked[p] = 0f, b * Image.PIXELS);
            }
            float[][] after = classifier.predictNormalized(blacked);
            double[] drops = new double[after.length];
            double max = 0;
            for (int b = 0; b < after.length; b++) {
                drops[b] = Math.max(0, probabilities[target.label()] - after[b][target.label()]);
                max = Math.max(max, drops[b]);
            }
            float[] relevance = new float[Image.PIXELS];
            for (int b = 0; b < after.length; b++) {
                float v = max > 0 ? (float) (drops[b] / max) : 0f;
                forEachPixel(b, perSide, p -> relevance[p] = v, 0);
            }
            return new Explanation(ID, target, probabilities[target.label()], relevance, Map.of("block", Integer.toString(block)));
        }

        private void forEachPixel(int blockIndex, int perSide, java.util.function.IntConsumer action, int offset) {
            int top = blockIndex / perSide * block;
            int left = blockIndex % perSide * block;
            for (int r = top; r < top + block; r++) {
                for (int c = left; c < left + block; c++) {
                    action.accept(offset + r * Image.SIDE + c);
                }
            }
        }
    }
}
