package io.github.fmnist.onnx.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fmnist.api.Image;
import io.github.fmnist.api.ImageBatch;
import io.github.fmnist.api.model.Prediction;
import io.github.fmnist.api.network.NetworkDescription;
import io.github.fmnist.onnx.proto.OnnxIr.ModelProto;
import io.github.fmnist.testkit.ReferenceNetwork;
import java.util.Locale;
import java.util.Map;

/** Exports {@link QuantisationErrorBound#network} to int8 calibrated on {@code images} and checks it on the same images. */
final class Int8AccuracyCheck {
    private Int8AccuracyCheck() {
    }

    /** What was seen; the assertions have passed when this returns. */
    record Result(int images, double worstBoundUse, double meanBound, int decided, int sameTop1) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d images: worst |Δlogit|/bound %.3f, mean bound %.4f, top-1 decided by the "
                    + "bound on %d, same top-1 on %d", images, worstBoundUse, meanBound, decided, sameTop1);
        }
    }

    static Result check(NetworkDescription network, ImageBatch images) throws Exception {
        byte[] int8 = OnnxExporter.toBytes(network, Map.of(), ExportOptions.int8(
                new Int8Calibration(images, CalibrationMethod.MIN_MAX, 0)));
        QuantisationErrorBound bound = QuantisationErrorBound.of(network, ModelProto.parseFrom(int8));
        float[] nchw = images.toNormalizedNchw();
        double[][] expected = ReferenceNetwork.of(network).logits(nchw);
        float[][] actual = OnnxExporterTest.run(int8, nchw).get("logits");
        double worstUse = 0;
        double boundSum = 0;
        int decided = 0;
        int same = 0;
        for (int n = 0; n < images.size(); n++) {
            double[] b = bound.logitBounds(nchw, n * Image.PIXELS, expected[n]);
            for (int j = 0; j < b.length; j++) {
                double error = Math.abs(actual[n][j] - expected[n][j]);
                assertTrue(error <= b[j], "image " + n + " class " + j + ": |Δlogit| " + error + " exceeds the bound " + b[j]);
                worstUse = Math.max(worstUse, error / b[j]);
                boundSum += b[j];
            }
            int top = argmax(expected[n]);
            int second = -1;
            for (int j = 0; j < b.length; j++) {
                if (j != top && (second < 0 || expected[n][j] > expected[n][second])) {
                    second = j;
                }
            }
            int int8Top = Prediction.argmax(actual[n]);
            same += int8Top == top ? 1 : 0;
            // every other logit may rise by its bound and the top one fall by its: beyond that margin top-1 cannot change
            boolean certain = true;
            for (int j = 0; j < b.length; j++) {
                certain &= j == top || expected[n][top] - b[top] > expected[n][j] + b[j];
            }
            if (certain) {
                decided++;
                assertEquals(top, int8Top, "image " + n + ": the bound guarantees top-1 " + top + ", int8 gave " + int8Top);
            }
        }
        return new Result(images.size(), worstUse, boundSum / images.size() / 10, decided, same);
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}
