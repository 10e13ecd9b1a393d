package io.github.fmnist.fuzz;

import io.github.fmnist.api.Image;
import io.github.fmnist.api.ImageBatch;
import io.github.fmnist.api.LabeledDataset;
import io.github.fmnist.api.bundle.ModelBundle;
import io.github.fmnist.api.capability.NetworkExportable;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.ModelProvider;
import io.github.fmnist.api.model.TrainingListener;
import io.github.fmnist.api.model.TrainingRequest;
import io.github.fmnist.classic.KnnProvider;
import io.github.fmnist.classic.LogisticRegressionProvider;
import io.github.fmnist.classic.MlpProvider;
import io.github.fmnist.classic.RandomForestProvider;
import io.github.fmnist.classic.SvmProvider;
import io.github.fmnist.data.idx.IdxWriter;
import io.github.fmnist.dl.CnnProvider;
import io.github.fmnist.dl.ResnetProvider;
import io.github.fmnist.onnx.export.OnnxExporter;
import io.github.fmnist.onnx.runtime.OnnxClassifier;
import io.github.fmnist.onnx.runtime.OnnxRuntimeOptions;
import io.github.fmnist.testkit.SyntheticFashion;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Valid inputs of every kind, made in code on synthetic data: IDX files, pictures in each format the importer
 * reads, a bundle of every real model plugin (tiny models, trained in a second or two each) and an ONNX model.
 * Made once per JVM; the fuzz targets mutate them ({@link Mutation}).
 */
final class Seeds {
    private static final LabeledDataset DATA = SyntheticFashion.dataset(120, 7L);
    private static List<SeedBundle> bundles;
    private static byte[] onnxModel;

    private Seeds() {
    }

    /** A bundle written by a real plugin, with the classifier that wrote it and its payload entries. */
    record SeedBundle(String providerId, Classifier classifier, byte[] file, Map<String, byte[]> payload) {
    }

    static List<byte[]> idxImages() {
        return List.of(idx(dir -> IdxWriter.writeImages(DATA.images().slice(0, 3), dir)),
                idx(dir -> IdxWriter.writeImages(DATA.images().slice(0, 1), dir)));
    }

    static List<byte[]> idxLabels() {
        int[] labels = new int[12];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = DATA.labels()[i];
        }
        return List.of(idx(dir -> IdxWriter.writeLabels(labels, dir)));
    }

    /** One picture in each format ImageIO reads here, grey and colour, at 28×28 and another size. */
    static List<byte[]> pictures() {
        Image image = DATA.images().get(0);
        BufferedImage grey = new BufferedImage(Image.SIDE, Image.SIDE, BufferedImage.TYPE_BYTE_GRAY);
        BufferedImage colour = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < Image.SIDE; y++) {
            for (int x = 0; x < Image.SIDE; x++) {
                grey.getRaster().setSample(x, y, 0, image.pixel(y, x));
            }
        }
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                colour.setRGB(x, y, (x * 6) << 16 | (y * 8) << 8 | 0x40);
            }
        }
        List<byte[]> pictures = new ArrayList<>();
        for (String format : List.of("png", "jpeg", "bmp", "gif")) {
            pictures.add(encode(grey, format));
            pictures.add(encode(colour, format));
        }
        return pictures;
    }

    /** The bundles of every real plugin, trained on the first call. */
    static synchronized List<SeedBundle> bundles() {
        if (bundles == null) {
            bundles = List.copyOf(makeBundles());
        }
        return bundles;
    }

    /** An ONNX model exported from a tiny MLP. */
    static synchronized byte[] onnxModel() {
        if (onnxModel == null) {
            onnxModel = exportOnnx(bundles());
        }
        return onnxModel;
    }

    /** A small, repeatable training run of {@code provider}. */
    static Classifier train(ModelProvider provider, Hyperparameters settings, LabeledDataset data) {
        return provider.trainer(settings).fit(new TrainingRequest(data, LabeledDataset.empty(), 11L, TrainingListener.NONE));
    }

    private static List<SeedBundle> makeBundles() {
        List<SeedBundle> made = new ArrayList<>();
        Map<ModelProvider, Hyperparameters> settings = new LinkedHashMap<>();
        LogisticRegressionProvider logreg = new LogisticRegressionProvider();
        settings.put(logreg, logreg.descriptor().defaults().with(LogisticRegressionProvider.MAX_ITERATIONS, 5));
        SvmProvider svm = new SvmProvider();
        settings.put(svm, svm.descriptor().defaults().with(SvmProvider.PCA_COMPONENTS, 5));
        RandomForestProvider rf = new RandomForestProvider();
        settings.put(rf, rf.descriptor().defaults().with(RandomForestProvider.TREES, 2).with(RandomForestProvider.MAX_DEPTH, 4));
        MlpProvider mlp = new MlpProvider();
        settings.put(mlp, mlp.descriptor().defaults().with(MlpProvider.HIDDEN_UNITS, 4).with(MlpProvider.EPOCHS, 1));
        KnnProvider knn = new KnnProvider();
        settings.put(knn, knn.descriptor().defaults().with(KnnProvider.PCA_COMPONENTS, 5));
        CnnProvider cnn = new CnnProvider();
        settings.put(cnn, cnn.descriptor().defaults().with(CnnProvider.EPOCHS, 1).with(CnnProvider.SHIFT, 0)
                .with(CnnProvider.FLIP_PROBABILITY, 0.0).with(CnnProvider.THREADS, 1));
        ResnetProvider resnet = new ResnetProvider();
        settings.put(resnet, resnet.descriptor().defaults().with(ResnetProvider.EPOCHS, 1).with(ResnetProvider.SHIFT, 0)
                .with(ResnetProvider.FLIP_PROBABILITY, 0.0).with(ResnetProvider.THREADS, 1)
                .with(ResnetProvider.STAGE_WIDTHS, "32-32"));
        for (Map.Entry<ModelProvider, Hyperparameters> entry : settings.entrySet()) {
            made.add(seal(entry.getKey().id(), train(entry.getKey(), entry.getValue(), DATA)));
        }
        byte[] onnx = exportOnnx(made);
        made.add(seal("onnx", OnnxClassifier.open(onnx, "seed-mlp.onnx",
                OnnxRuntimeOptions.defaults().withProvider(OnnxRuntimeOptions.ProviderPreference.CPU))));
        return made;
    }

    private static byte[] exportOnnx(List<SeedBundle> made) {
        Classifier mlp = made.stream().filter(b -> b.providerId().equals(MlpProvider.ID)).findFirst().orElseThrow().classifier();
        return OnnxExporter.toBytes(mlp.unwrap(NetworkExportable.class).orElseThrow().describeNetwork(), Map.of());
    }

    private static SeedBundle seal(String providerId, Classifier classifier) {
        try {
            Path file = Files.createTempFile("fmnist-fuzz-seed-", ModelBundle.EXTENSION);
            try {
                ModelBundle.save(file, classifier);
                ModelBundle read = ModelBundle.read(file);
                Map<String, byte[]> payload = new LinkedHashMap<>();
                for (String name : read.payloadNames().stream().sorted().toList()) {
                    payload.put(name, read.readAllBytes(name));
                }
                return new SeedBundle(providerId, classifier, Files.readAllBytes(file), payload);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    private interface Writer {
        void write(Path file) throws IOException;
    }

    private static byte[] idx(Writer writer) {
        try {
            Path file = Files.createTempFile("fmnist-fuzz-seed-", ".idx");
            try {
                writer.write(file);
                return Files.readAllBytes(file);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] encode(BufferedImage picture, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(picture, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
