package io.github.fmnist.onnx.export;

import io.github.fmnist.api.file.AtomicFile;
import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.FmnistVersion;
import io.github.fmnist.api.Image;
import io.github.fmnist.api.InvalidInputException;
import io.github.fmnist.api.UnsupportedFeatureException;
import io.github.fmnist.api.bundle.BundleManifest;
import io.github.fmnist.api.bundle.ModelBundle;
import io.github.fmnist.api.capability.NetworkExportable;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.network.CheckedNetwork;
import io.github.fmnist.api.network.Layer;
import io.github.fmnist.api.network.NetworkDescription;
import io.github.fmnist.api.network.NetworkNode;
import io.github.fmnist.api.registry.PluginRegistry;
import io.github.fmnist.onnx.proto.OnnxIr.ModelProto;
import io.github.fmnist.onnx.proto.OnnxIr.OperatorSetIdProto;
import io.github.fmnist.onnx.proto.OnnxIr.StringStringEntryProto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a trained network as an ONNX model (IR version {@value #IR_VERSION}, opset {@value #OPSET}).
 *
 * <p>The model has one input, {@code image}: float {@code [N, 1, 28, 28]} pixels scaled to [0, 1] with a
 * symbolic batch dimension {@code N}, and two outputs, {@code logits} and {@code probabilities}
 * (softmax over axis 1), both {@code [N, 10]} in label order. Its metadata lists the class names, the
 * fmnist version and, for bundles, the training provenance. Dropout disappears; every other layer of
 * {@link io.github.fmnist.api.network.Layer} maps to the ONNX operator with the same arithmetic, and a
 * setting without an exact equivalent fails with an {@link UnsupportedFeatureException} naming the node.
 * A BatchNorm directly after a convolution is folded into it (see {@link ExportOptions}).
 *
 * <p>With {@link ExportOptions#int8} the model is statically quantised in QDQ form, calibrated on the given
 * images; ONNX Runtime runs it with integer kernels (QLinearConv, QGemm, QLinearAdd). Input and outputs
 * stay float, so it is a drop-in replacement for the float model.
 *
 * <pre>{@code
 * OnnxExporter.exportBundle(Path.of("cnn.fmnist"), Path.of("cnn.onnx"));
 * // int8, calibrated on 1,000 class-balanced training images:
 * LabeledDataset sample = StratifiedSample.sample(data.train(), 1_000, 42);
 * OnnxExporter.exportBundle(Path.of("cnn.fmnist"), Path.of("cnn-int8.onnx"),
 *         ExportOptions.int8(new Int8Calibration(sample.images(), CalibrationMethod.MIN_MAX, 42)));
 * // or, from a classifier in hand:
 * classifier.unwrap(NetworkExportable.class)
 *         .ifPresent(n -> OnnxExporter.export(n.describeNetwork(), Path.of("cnn.onnx")));
 * }</pre>
 */
public final class OnnxExporter {
    /** The ONNX operator set the exported graphs use. */
    public static final int OPSET = 17;
    /** The ONNX IR version written (8 is the version that introduced opset 17). */
    public static final int IR_VERSION = 8;
    /** Name of the input tensor. */
    public static final String INPUT = NetworkDescription.INPUT;
    /** Name of the pre-softmax output. */
    public static final String LOGITS = "logits";
    /** Name of the softmax output. */
    public static final String PROBABILITIES = "probabilities";
    /** Name of the symbolic batch dimension. */
    public static final String BATCH = "N";
    /** Metadata key of the class names, a JSON array in label order. */
    public static final String CLASS_NAMES_KEY = "fmnist.class_names";
    /** Metadata key of the fmnist version that wrote the model. */
    public static final String VERSION_KEY = "fmnist.version";
    /**
     * Metadata key of the quantisation ({@code int8-qdq ...}; absent for float models), with
     * {@code .method}, {@code .calibration_size} and {@code .calibration_seed} beside it.
     */
    public static final String QUANTIZATION_KEY = "fmnist.quantization";
    /** Metadata key of the number of BatchNorm layers folded into their convolution. */
    public static final String BATCH_NORM_FOLDED_KEY = "fmnist.batchnorm_folded";
    private static final Logger LOG = LoggerFactory.getLogger(OnnxExporter.class);

    private OnnxExporter() {
    }

    /**
     * Writes {@code network} to {@code onnxFile}, atomically (a temporary file beside it, then a move).
     *
     * @throws UnsupportedFeatureException naming the node if a layer setting has no exact ONNX equivalent
     * @throws InvalidInputException       naming the node if the description's shapes do not fit together
     */
    public static void export(NetworkDescription network, Path onnxFile) throws IOException {
        export(network, Map.of(), onnxFile);
    }

    /** As {@link #export(NetworkDescription, Path)}, adding {@code metadata} to the model's metadata properties. */
    public static void export(NetworkDescription network, Map<String, String> metadata, Path onnxFile) throws IOException {
        export(network, metadata, onnxFile, ExportOptions.float32());
    }

    /**
     * As {@link #export(NetworkDescription, Map, Path)}, float or int8 as {@code options} say.
     *
     * @throws InvalidInputException for int8, if the calibration images are empty or all pixels are equal, or
     *         an activation is constant on them (no scale can be derived)
     */
    public static void export(NetworkDescription network, Map<String, String> metadata, Path onnxFile, ExportOptions options)
            throws IOException {
        writeAtomically(toBytes(network, metadata, options), onnxFile);
    }

    /**
     * Loads the bundle with the plugin that wrote it and exports its network, recording the bundle's
     * provider, hyperparameters and provenance in the metadata.
     *
     * @throws UnsupportedFeatureException if the bundle's model cannot describe itself as a network
     */
    public static void exportBundle(Path bundleFile, Path onnxFile) throws IOException {
        exportBundle(bundleFile, onnxFile, ExportOptions.float32());
    }

    /** As {@link #exportBundle(Path, Path)}, float or int8 as {@code options} say. */
    public static void exportBundle(Path bundleFile, Path onnxFile, ExportOptions options) throws IOException {
        BundleManifest manifest = ModelBundle.readManifest(bundleFile);
        String providerId = manifest.providerId();
        // Through the registry, so the provider's version check and payload limit apply as for any load.
        try (Classifier classifier = PluginRegistry.discover().loadClassifier(bundleFile)) {
            NetworkExportable exportable = classifier.unwrap(NetworkExportable.class)
                    .orElseThrow(() -> new UnsupportedFeatureException(bundleFile + ": model '" + providerId
                            + "' cannot be exported to ONNX: it does not describe itself as a network (NetworkExportable)"));
            export(exportable.describeNetwork(), BundleMetadata.of(manifest), onnxFile, options);
        }
    }

    /** The serialised float ONNX model, BatchNorm folded. */
    public static byte[] toBytes(NetworkDescription network, Map<String, String> metadata) {
        return toBytes(network, metadata, ExportOptions.float32());
    }

    /** The serialised ONNX model, float or int8 as {@code options} say. */
    public static byte[] toBytes(NetworkDescription network, Map<String, String> metadata, ExportOptions options) {
        return toModel(network, metadata, options).toByteArray();
    }

    static ModelProto toModel(NetworkDescription network, Map<String, String> metadata, ExportOptions options) {
        CheckedNetwork.of(network, "ONNX export"); // before folding, so problems are named as described
        NetworkDescription exported = options.foldsBatchNorm() ? BatchNormFolding.fold(network) : network;
        int folded = network.nodes().size() - exported.nodes().size();
        Map<String, String> props = new LinkedHashMap<>();
        props.put(BATCH_NORM_FOLDED_KEY, Integer.toString(folded));
        ModelProto floatModel = floatModel(exported, props, metadata);
        if (options.int8().isEmpty()) {
            return floatModel;
        }
        Int8Calibration calibration = options.int8().get();
        CheckedNetwork checked = CheckedNetwork.of(exported, "ONNX export");
        requireQuantisable(checked);
        Set<String> imageBatchNorms = checked.nodes().stream()
                .filter(n -> n.layer() instanceof Layer.BatchNorm && checked.inputShapes(n).getFirst().isImage())
                .map(NetworkNode::name).collect(Collectors.toSet());
        floatModel = FloatStem.reorder(BatchNormAsConvolution.rewrite(floatModel, imageBatchNorms));
        QdqRewriter plan = QdqRewriter.of(floatModel.getGraph(), logitsTensor(floatModel));
        Map<String, QuantizationParameters> params = new LinkedHashMap<>(ActivationCalibrator.calibrate(floatModel,
                plan.tensorsToCalibrate(INPUT), INPUT, calibration));
        // pixels are k/255 in [0, 1] by the model's contract: this scale represents every one exactly
        params.put(INPUT, new QuantizationParameters(1f / 255f, 0));
        ModelProto quantised = plan.rewrite(floatModel, params);
        LOG.info("int8 export of '{}': {} activation(s) quantised, calibrated ({}) on {} image(s)", network.name(),
                plan.quantisedTensors().size(), calibration.method().label(), calibration.images().size());
        ModelProto.Builder b = quantised.toBuilder().setDocString(quantised.getDocString() + "; int8 QDQ");
        addProperty(b, QUANTIZATION_KEY, "int8-qdq (weights: signed int8 symmetric per output channel, |q| <= " + QdqRewriter.WEIGHT_Q_MAX + "; "
                + "activations: unsigned 8-bit per tensor; float: the stem convolution reading the image and the logits' head)");
        addProperty(b, QUANTIZATION_KEY + ".method", calibration.method().label());
        addProperty(b, QUANTIZATION_KEY + ".calibration_size", Integer.toString(calibration.images().size()));
        addProperty(b, QUANTIZATION_KEY + ".calibration_seed", Long.toString(calibration.sampleSeed()));
        return b.build();
    }

    /** The int8 rewrite knows single networks; an ensemble's voting and flipped copies are not planned for. */
    private static void requireQuantisable(CheckedNetwork checked) {
        for (NetworkNode node : checked.nodes()) {
            if (node.layer() instanceof Layer.ProbabilityAverage || node.layer() instanceof Layer.FlipHorizontal) {
                throw new UnsupportedFeatureException("int8 ONNX export of network '" + checked.description().name()
                        + "': node '" + node.name() + "' (" + node.layer().typeName()
                        + ") is not supported by the int8 export; export this network as float");
            }
        }
    }

    private static void addProperty(ModelProto.Builder model, String key, String value) {
        model.addMetadataProps(StringStringEntryProto.newBuilder().setKey(key).setValue(value));
    }

    /** The tensor the {@code logits} Identity reads. */
    private static String logitsTensor(ModelProto model) {
        return model.getGraph().getNodeList().stream().filter(n -> n.getOutput(0).equals(LOGITS)).findFirst()
                .orElseThrow().getInput(0);
    }

    private static ModelProto floatModel(NetworkDescription network, Map<String, String> exportProps, Map<String, String> metadata) {
        GraphBuilder graph = new GraphBuilder(network.name());
        graph.reserve(INPUT);
        graph.reserve(LOGITS);
        graph.reserve(PROBABILITIES);
        graph.input(INPUT, BATCH, 1, Image.SIDE, Image.SIDE);

        CheckedNetwork checked = CheckedNetwork.of(network, "ONNX export");
        LayerTranslator translator = new LayerTranslator(graph, checked);
        Map<String, String> tensors = new HashMap<>();
        tensors.put(NetworkDescription.INPUT, INPUT);
        for (NetworkNode node : checked.nodes()) {
            tensors.put(node.name(), translator.translate(node, node.inputs().stream().map(tensors::get).toList()));
        }
        graph.node("Identity", LOGITS, List.of(tensors.get(network.logits())), LOGITS);
        graph.node("Softmax", PROBABILITIES, List.of(LOGITS), PROBABILITIES, GraphBuilder.integer("axis", 1));
        graph.output(LOGITS, BATCH, FashionClass.COUNT);
        graph.output(PROBABILITIES, BATCH, FashionClass.COUNT);

        ModelProto.Builder model = ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setProducerName("fmnist")
                .setProducerVersion(FmnistVersion.current())
                .setDomain("io.github.fmnist")
                .setModelVersion(1)
                .setDocString("Fashion-MNIST classifier '" + network.name() + "': image float[N,1,28,28] (pixel/255) -> "
                        + "logits, probabilities float[N,10]")
                .setGraph(graph.build());
        Map<String, String> props = new LinkedHashMap<>();
        props.put(CLASS_NAMES_KEY, jsonArray(FashionClass.displayNames()));
        props.put(VERSION_KEY, FmnistVersion.current());
        props.put("fmnist.network", network.name());
        props.putAll(exportProps);
        props.putAll(metadata);
        props.forEach((k, v) -> model.addMetadataProps(StringStringEntryProto.newBuilder().setKey(k).setValue(v)));
        return model.build();
    }

    static String jsonArray(List<String> values) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            s.append(i == 0 ? "\"" : ",\"");
            for (char c : values.get(i).toCharArray()) {
                if (c == '"' || c == '\\') {
                    s.append('\\');
                }
                s.append(c);
            }
            s.append('"');
        }
        return s.append(']').toString();
    }

    private static void writeAtomically(byte[] content, Path target) throws IOException {
        AtomicFile.write(target, content);
    }
}
