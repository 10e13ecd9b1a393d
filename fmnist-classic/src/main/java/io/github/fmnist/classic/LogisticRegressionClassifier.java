package io.github.fmnist.classic;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.Image;
import io.github.fmnist.api.capability.NetworkExportable;
import io.github.fmnist.api.model.ModelInfo;
import io.github.fmnist.api.network.Layer;
import io.github.fmnist.api.network.NetworkDescription;
import io.github.fmnist.api.network.NetworkNode;
import io.github.fmnist.api.bundle.PayloadSink;
import io.github.fmnist.api.bundle.PayloadReader;
import io.github.fmnist.api.bundle.PayloadWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import smile.classification.LogisticRegression;
import smile.util.IntSet;

/**
 * Multinomial logistic regression on the 784 pixels, optionally standardised. Smile fixes the last
 * class's score at 0 and keeps (k − 1) × (p + 1) weights; the exported network writes that class's
 * weights and bias as zeros, which gives the same softmax.
 */
final class LogisticRegressionClassifier extends SmileClassifier implements NetworkExportable {
    static final String SCALING_ENTRY = "scaling.bin";
    /** Most features a stored model may take: the 784 pixels. */
    static final int MAX_FEATURES = Image.PIXELS;

    private final LogisticRegression.Multinomial model;
    private final PixelStandardizer scaling;

    LogisticRegressionClassifier(ModelInfo info, Optional<PixelStandardizer> scaling, LogisticRegression.Multinomial model) {
        super(info, Optional.empty());
        this.model = model;
        this.scaling = scaling.orElse(null);
    }

    @Override
    void posterior(double[] features, double[] probabilities) {
        model.predict(scaling == null ? features : scaling.apply(features), probabilities);
    }

    @Override
    public void writePayload(PayloadSink sink) throws IOException {
        super.writePayload(sink);
        if (scaling != null) {
            try (PayloadWriter out = new PayloadWriter(sink.entry(SCALING_ENTRY), PixelStandardizer.FORMAT, FORMAT_VERSION)) {
                scaling.write(out);
            }
        }
    }

    /** The classes (0..9), the feature count p, then the (k − 1) × (p + 1) weights row by row, bias last in each row. */
    @Override
    void writeModel(PayloadWriter out) throws IOException {
        double[][] w = model.coefficients();
        ClassLabels.write(out, model.classes());
        out.count(w[0].length - 1);
        for (double[] row : w) {
            out.doubles(row);
        }
    }

    /**
     * Reads the weights written by {@link #writeModel}. Smile's log-likelihood of the fit is not stored (it does not
     * enter predictions): the rebuilt model reports NaN; λ comes from the recorded hyperparameters.
     */
    static LogisticRegression.Multinomial readModel(PayloadReader in, double lambda) {
        IntSet classes = ClassLabels.read(in);
        long at = in.offset();
        int p = in.intValue("features", 1, MAX_FEATURES);
        if (p != Image.PIXELS) {
            throw in.fail(at, "expected " + Image.PIXELS + " features, found " + p);
        }
        int rows = classes.size() - 1;
        if ((long) rows * (p + 1) * Double.BYTES != in.remaining()) {
            throw in.fail(in.offset(), "expected " + rows + " × " + (p + 1) + " weights (" + (long) rows * (p + 1) * Double.BYTES
                    + " bytes), found " + in.remaining() + " bytes");
        }
        double[][] w = new double[rows][];
        for (int c = 0; c < rows; c++) {
            w[c] = in.finiteDoubles("weights of class " + c, p + 1);
        }
        in.requireEnd();
        return new LogisticRegression.Multinomial(w, Double.NaN, lambda, classes);
    }

    @Override
    public NetworkDescription describeNetwork() {
        double[][] w = model.coefficients();
        int classes = FashionClass.COUNT;
        float[] weights = new float[Image.PIXELS * classes];
        float[] bias = new float[classes];
        for (int c = 0; c < w.length; c++) {
            for (int j = 0; j < Image.PIXELS; j++) {
                weights[j * classes + c] = (float) w[c][j];
            }
            bias[c] = (float) w[c][Image.PIXELS];
        }
        List<NetworkNode> nodes = new ArrayList<>();
        nodes.add(NetworkNode.of("flatten", new Layer.Flatten(), NetworkDescription.INPUT));
        String previous = "flatten";
        if (scaling != null) {
            nodes.add(NetworkNode.of("standardize", new Layer.Standardize(scaling.meanAsFloats(), scaling.stdAsFloats()), previous));
            previous = "standardize";
        }
        nodes.add(NetworkNode.of("logits", new Layer.Dense(Image.PIXELS, classes, weights, bias), previous));
        return new NetworkDescription(info().providerId(), nodes, "logits");
    }
}
