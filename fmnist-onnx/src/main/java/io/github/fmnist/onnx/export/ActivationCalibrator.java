package io.github.fmnist.onnx.export;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.github.fmnist.api.FmnistException;
import io.github.fmnist.api.Image;
import io.github.fmnist.api.ImageBatch;
import io.github.fmnist.api.InvalidInputException;
import io.github.fmnist.onnx.proto.OnnxIr.GraphProto;
import io.github.fmnist.onnx.proto.OnnxIr.ModelProto;
import io.github.fmnist.onnx.proto.OnnxIr.TensorProto;
import io.github.fmnist.onnx.proto.OnnxIr.TypeProto;
import io.github.fmnist.onnx.proto.OnnxIr.ValueInfoProto;
import io.github.fmnist.onnx.runtime.OnnxRuntimeNatives;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Measures the range of chosen intermediate tensors of a float model over calibration images, by running the
 * model in ONNX Runtime with those tensors added as outputs, {@value #BATCH} images at a time. Percentiles
 * come from a second pass filling a {@value #BINS}-bin histogram per tensor between the first pass's extremes.
 */
final class ActivationCalibrator {
    private static final int BATCH = 100;
    private static final int BINS = 4096;
    private static final double PERCENTILE = 0.9999;

    private ActivationCalibrator() {
    }

    /**
     * The int8 parameters of each tensor in {@code tensors}.
     *
     * @throws InvalidInputException if there are no calibration images, all their pixels are equal, or a
     *         tensor comes out constant
     */
    static Map<String, QuantizationParameters> calibrate(ModelProto floatModel, List<String> tensors, String input,
                                                         Int8Calibration calibration) {
        ImageBatch images = calibration.images();
        requireVaried(images);
        if (tensors.isEmpty()) {
            return Map.of(); // e.g. flatten → dense: only the image is quantised, and its range is the contract's
        }
        byte[] model = withOutputs(floatModel, tensors).toByteArray();
        OnnxRuntimeNatives.prepare();
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(2);
            try (OrtSession session = env.createSession(model, options)) {
                Map<String, double[]> extremes = new LinkedHashMap<>();
                tensors.forEach(t -> extremes.put(t, new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}));
                forEachBatch(env, session, input, images, tensors, (t, values) -> {
                    double[] e = extremes.get(t);
                    while (values.hasRemaining()) {
                        float v = values.get();
                        e[0] = Math.min(e[0], v);
                        e[1] = Math.max(e[1], v);
                    }
                });
                Map<String, double[]> ranges = calibration.method() == CalibrationMethod.MIN_MAX ? extremes
                        : percentiles(env, session, input, images, tensors, extremes);
                Map<String, QuantizationParameters> params = new LinkedHashMap<>();
                ranges.forEach((t, r) -> params.put(t, QuantizationParameters.covering(t, r[0], r[1], images.size())));
                return params;
            }
        } catch (OrtException e) {
            throw new FmnistException("int8 calibration: ONNX Runtime could not run the float model: " + e.getMessage(), e);
        }
    }

    private static void requireVaried(ImageBatch images) {
        if (images.isEmpty()) {
            throw new InvalidInputException("int8 calibration: expected at least one calibration image, found none");
        }
        byte[] pixels = images.pixels();
        for (byte p : pixels) {
            if (p != pixels[0]) {
                return;
            }
        }
        throw new InvalidInputException("int8 calibration: all " + pixels.length + " pixels of the " + images.size()
                + " calibration image(s) have the value " + Byte.toUnsignedInt(pixels[0])
                + "; expected varied real images to measure activation ranges on");
    }

    private static Map<String, double[]> percentiles(OrtEnvironment env, OrtSession session, String input, ImageBatch images,
                                                     List<String> tensors, Map<String, double[]> extremes) throws OrtException {
        Map<String, long[]> histograms = new HashMap<>();
        tensors.forEach(t -> histograms.put(t, new long[BINS]));
        forEachBatch(env, session, input, images, tensors, (t, values) -> {
            double[] e = extremes.get(t);
            long[] h = histograms.get(t);
            double width = (e[1] - e[0]) / BINS;
            while (values.hasRemaining()) {
                float v = values.get();
                h[width > 0 ? (int) Math.min(BINS - 1, (v - e[0]) / width) : 0]++;
            }
        });
        Map<String, double[]> ranges = new LinkedHashMap<>();
        for (String t : tensors) {
            double[] e = extremes.get(t);
            long[] h = histograms.get(t);
            long total = 0;
            for (long c : h) {
                total += c;
            }
            double width = (e[1] - e[0]) / BINS;
            ranges.put(t, new double[] {e[0] + width * bin(h, total * (1 - PERCENTILE)),
                    e[0] + width * (bin(h, total * PERCENTILE) + 1)});
        }
        return ranges;
    }

    /** The first bin at which the running count exceeds {@code count}. */
    private static int bin(long[] histogram, double count) {
        long running = 0;
        for (int i = 0; i < histogram.length; i++) {
            running += histogram[i];
            if (running > count) {
                return i;
            }
        }
        return histogram.length - 1;
    }

    private interface Visitor {
        void accept(String tensor, FloatBuffer values);
    }

    private static void forEachBatch(OrtEnvironment env, OrtSession session, String input, ImageBatch images,
                                     List<String> tensors, Visitor visitor) throws OrtException {
        Set<String> requested = new java.util.LinkedHashSet<>(tensors);
        for (int from = 0; from < images.size(); from += BATCH) {
            int n = Math.min(BATCH, images.size() - from);
            float[] pixels = images.slice(from, from + n).toNormalizedNchw();
            FloatBuffer buffer = ByteBuffer.allocateDirect(pixels.length * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
            buffer.put(pixels).flip();
            try (OnnxTensor tensor = OnnxTensor.createTensor(env, buffer, new long[] {n, 1, Image.SIDE, Image.SIDE});
                 OrtSession.Result result = session.run(Map.of(input, tensor), requested)) {
                for (String t : tensors) {
                    OnnxValue v = result.get(t).orElseThrow();
                    visitor.accept(t, ((OnnxTensor) v).getFloatBuffer());
                }
            }
        }
    }

    /** The model with every tensor in {@code tensors} also a graph output (float, shape left to the runtime). */
    private static ModelProto withOutputs(ModelProto model, List<String> tensors) {
        GraphProto.Builder g = model.getGraph().toBuilder();
        Set<String> outputs = new java.util.HashSet<>(g.getOutputList().stream().map(ValueInfoProto::getName).toList());
        for (String t : tensors) {
            if (outputs.add(t)) {
                g.addOutput(ValueInfoProto.newBuilder().setName(t).setType(TypeProto.newBuilder()
                        .setTensorType(TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE))));
            }
        }
        return model.toBuilder().setGraph(g).build();
    }
}
