package io.github.fmnist.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fmnist.api.Image;
import io.github.fmnist.api.LabeledDataset;
import io.github.fmnist.bench.toy.SyntheticBench;
import io.github.fmnist.bench.toy.SyntheticDataSource;
import io.github.fmnist.bench.toy.ToyCentroidProvider;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FmnistMainTest {
    @TempDir
    Path dir;

    private String out = "";
    private String err = "";

    private int run(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = FmnistMain.run(args, new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8), SyntheticBench.testData());
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return code;
    }

    @Test
    void helpListsEverySubcommand() {
        assertEquals(0, run("--help"));
        for (String sub : List.of("models", "bench", "train", "evaluate", "predict", "photo-bench", "zoo", "explain",
                "faithfulness", "export-onnx", "upgrade-bundle")) {
            assertTrue(out.contains(sub), sub + " in\n" + out);
        }
        assertTrue(out.contains("130 interrupted"), out);
        assertEquals(0, run("bench", "--help"));
        assertTrue(out.contains("--profile") && out.contains("quick") && out.contains("full"), out);
        assertTrue(out.contains("--jobs=N") && out.contains("number of available processors"), out);
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(ExitCodes.USAGE, run("bench", "--no-such-option"));
        assertTrue(err.contains("--no-such-option"), err);
        assertEquals(ExitCodes.USAGE, run("bench", "--profile", "medium", "--output", dir.toString()));
        assertTrue(err.contains("unknown profile 'medium'"), err);
        assertEquals(ExitCodes.USAGE, run("bench", "--models", "no-such-model", "--output", dir.toString()));
        assertTrue(err.contains("no model plugin 'no-such-model'"), err);
        assertEquals(ExitCodes.USAGE, run("bench", "--jobs", "0", "--output", dir.toString()));
        assertTrue(err.contains("--jobs must be at least 1"), err);
        assertEquals(ExitCodes.USAGE, run("no-such-command"));
        assertEquals(ExitCodes.USAGE, run());
    }

    @Test
    void failuresExitWithOneAndNoStackTraceUnlessVerbose() {
        Path missing = dir.resolve("missing.fmnist");
        assertEquals(ExitCodes.FAILURE, run("evaluate", missing.toString()));
        assertTrue(err.contains("no such file: " + missing), err);
        assertFalse(err.contains("\tat "), "no stack trace without --verbose:\n" + err);
        assertEquals(ExitCodes.FAILURE, run("evaluate", "--verbose", missing.toString()));
        assertTrue(err.contains("\tat "), "stack trace with --verbose:\n" + err);
    }

    @Test
    void modelsListsThePlugins() {
        assertEquals(0, run("models", "--long"));
        assertTrue(out.contains(ToyCentroidProvider.ID), out);
        assertTrue(out.contains("--set toy-centroid.epochs=6"), out);
        assertTrue(out.contains("onnx"), "the ONNX Runtime provider from fmnist-onnx:\n" + out);
    }

    @Test
    void trainEvaluatePredictAndExportWorkTogether() throws Exception {
        Path bundle = dir.resolve("toy.fmnist");
        assertEquals(0, run("train", ToyCentroidProvider.ID, "--set", "epochs=3", "--seed", "5", "-o", bundle.toString()), err);
        assertTrue(out.contains("test accuracy"), out);
        assertTrue(Files.size(bundle) > 0);

        assertEquals(0, run("evaluate", "--json", bundle.toString()), err);
        assertTrue(out.contains("\"accuracy\"") && out.contains("\"confusionMatrix\""), out);
        assertEquals(0, run("evaluate", bundle.toString()), err);
        assertTrue(out.contains("macro avg") && out.contains("Most confused"), out);
        assertEquals(0, run("evaluate", "--test-size", "50", bundle.toString()), err);
        assertTrue(out.contains(": 50 test images"), out);

        Path onnx = dir.resolve("toy.onnx");
        assertEquals(0, run("export-onnx", bundle.toString(), "-o", onnx.toString()), err);
        assertTrue(Files.size(onnx) > 0);
        Path int8 = dir.resolve("toy-int8.onnx");
        assertEquals(0, run("export-onnx", bundle.toString(), "--int8", "--calibration", "40", "-o", int8.toString()), err);
        assertTrue(new String(Files.readAllBytes(int8), java.nio.charset.StandardCharsets.ISO_8859_1).contains("int8-qdq"),
                "no quantisation recorded in " + int8);
        assertEquals(0, run("evaluate", "--test-size", "50", int8.toString()), err);
        assertTrue(out.contains(": 50 test images"), out);

        Path pictures = Files.createDirectories(dir.resolve("pictures"));
        LabeledDataset test = new SyntheticDataSource(SyntheticBench.TRAIN, SyntheticBench.TEST).load().test();
        for (int i = 0; i < 3; i++) {
            writePng(test.images().get(i), pictures.resolve("item" + i + ".png"));
        }
        assertEquals(0, run("predict", "-m", bundle.toString(), "--format", "csv", pictures.toString()), err);
        List<String> lines = out.lines().toList();
        assertEquals("file,class1,probability1,class2,probability2,class3,probability3", lines.get(0));
        assertEquals(4, lines.size(), out);
        String fromBundle = out;
        assertEquals(0, run("predict", "-m", onnx.toString(), "--format", "csv", pictures.toString()), err);
        assertEquals(classesOnly(fromBundle), classesOnly(out), "the ONNX export predicts the same top-3 classes");
        assertEquals(0, run("predict", "-m", bundle.toString(), "--format", "json", "--top", "2", pictures.toString()), err);
        assertTrue(out.trim().startsWith("[") && out.contains("\"probability\""), out);
        assertEquals(0, run("predict", "-m", bundle.toString(), pictures.resolve("item0.png").toString()), err);
        assertTrue(out.contains("item0.png") && out.contains("%"), out);
    }

    @Test
    void explainWritesOneFigurePerImage() throws Exception {
        Path bundle = dir.resolve("toy.fmnist");
        assertEquals(0, run("train", ToyCentroidProvider.ID, "--set", "epochs=2", "-o", bundle.toString()), err);
        Path figures = dir.resolve("figures");
        assertEquals(0, run("explain", "-m", bundle.toString(), "--explainer", "occlusion", "--test-images", "2",
                "-o", figures.toString()), err);
        assertEquals(2, out.lines().count(), out);
        assertTrue(Files.size(figures.resolve("test00000-occlusion.png")) > 0);
        assertTrue(Files.size(figures.resolve("test00001-occlusion.png")) > 0);
        assertEquals(ExitCodes.USAGE, run("explain", "-m", bundle.toString(), "--explainer", "gradcam", "--test-images", "1"));
        assertTrue(err.contains("cannot explain"), "Grad-CAM needs convolution gradients the toy lacks: " + err);
    }

    @Test
    void predictAndExplainSkipUnreadablePicturesReportEachAndExitWithOne() throws Exception {
        Path bundle = dir.resolve("toy.fmnist");
        assertEquals(0, run("train", ToyCentroidProvider.ID, "--set", "epochs=2", "-o", bundle.toString()), err);
        Path pictures = Files.createDirectories(dir.resolve("mixed"));
        LabeledDataset test = new SyntheticDataSource(SyntheticBench.TRAIN, SyntheticBench.TEST).load().test();
        writePng(test.images().get(0), pictures.resolve("a-good.png"));
        Files.write(pictures.resolve("b-garbage.png"), new byte[] {1, 2, 3, 4, 5});
        Files.write(pictures.resolve("c-truncated.png"), Arrays.copyOf(Files.readAllBytes(pictures.resolve("a-good.png")), 40));
        writePng(test.images().get(1), pictures.resolve("d-good.png"));
        Path figures = dir.resolve("mixed-figures");

        assertEquals(ExitCodes.FAILURE, run("explain", "-m", bundle.toString(), "--explainer", "occlusion", "-o",
                figures.toString(), pictures.toString()), err);
        assertTrue(err.contains("fmnist explain: skipping " + pictures.resolve("b-garbage.png")), err);
        assertTrue(err.contains("fmnist explain: skipping " + pictures.resolve("c-truncated.png")), err);
        assertEquals(2, out.lines().count(), out);
        try (Stream<Path> written = Files.list(figures)) {
            assertEquals(List.of("a-good-occlusion.png", "d-good-occlusion.png"),
                    written.map(p -> p.getFileName().toString()).sorted().toList());
        }

        assertEquals(ExitCodes.FAILURE, run("predict", "-m", bundle.toString(), "--format", "csv", pictures.toString()), err);
        assertTrue(err.contains("fmnist predict: skipping " + pictures.resolve("b-garbage.png")), err);
        assertTrue(err.contains("fmnist predict: skipping " + pictures.resolve("c-truncated.png")), err);
        assertEquals(3, out.lines().count(), "header and the two readable pictures: " + out);
    }

    @Test
    void faithfulnessComparesExplanationsWithRandomMaps() throws Exception {
        Path bundle = dir.resolve("toy.fmnist");
        assertEquals(0, run("train", ToyCentroidProvider.ID, "--set", "epochs=3", "-o", bundle.toString()), err);
        assertEquals(0, run("faithfulness", bundle.toString(), "--explainers", "occlusion", "--images", "30", "--json"), err);
        assertTrue(out.contains("\"explainer\": \"occlusion\"") && out.contains("\"deletionImages\": 30"), out);
        double explained = number(out, "deletionAuc");
        double random = number(out, "randomMapDeletionAuc");
        assertTrue(explained >= 0 && explained <= 1 && random >= 0 && random <= 1, out);
        assertTrue(explained < random, "occlusion on the trained nearest-centroid model (linear logits) must beat random maps: " + out);
        assertFalse(out.contains("randomizationSpearman"), "the toy cannot be re-initialised: " + out);
        assertTrue(number(out, "millisPerExplanation") > 0, out);
        assertEquals(0, run("faithfulness", bundle.toString(), "--explainers", "occlusion", "--images", "10"), err);
        assertTrue(out.contains("deletion AUC") && out.contains("occlusion"), out);
        assertEquals(ExitCodes.USAGE, run("faithfulness", bundle.toString(), "--explainers", "gradcam"));
        assertTrue(err.contains("cannot explain"), err);
        assertEquals(ExitCodes.USAGE, run("faithfulness", bundle.toString(), "--explainers", "no-such"));
        assertTrue(err.contains("no explainer 'no-such'") && err.contains("occlusion"), err);
    }

    @Test
    void occlusionExplainsAClassicModelBetterThanRandomMaps() {
        Path bundle = dir.resolve("logreg.fmnist");
        assertEquals(0, run("train", "logreg", "--set", "max-iterations=30", "--seed", "3", "-o", bundle.toString()), err);
        assertEquals(0, run("faithfulness", bundle.toString(), "--images", "40", "--json"), err);
        assertTrue(out.contains("\"explainer\": \"occlusion\"") && !out.contains("\"explainer\": \"gradcam\""),
                "only the model-agnostic explainer applies to Smile's logistic regression: " + out);
        assertTrue(number(out, "deletionAuc") < number(out, "randomMapDeletionAuc"), out);
    }

    private static double number(String json, String key) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + key + "\": ([-0-9.eE]+)").matcher(json);
        assertTrue(m.find(), key + " in " + json);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void benchCommandWritesTheReport() throws Exception {
        Path output = dir.resolve("bench");
        assertEquals(0, run("bench", "--models", ToyCentroidProvider.ID, "--output", output.toString(), "--gallery-model", "none"), err);
        assertTrue(out.contains("report.html"), out);
        assertTrue(Files.readString(output.resolve("results.json")).contains("\"state\": \"finished\""));
    }

    private static String classesOnly(String csv) {
        StringBuilder s = new StringBuilder();
        for (String line : csv.lines().skip(1).toList()) {
            String[] cells = line.split(",");
            s.append(cells[1]).append(cells[3]).append(cells[5]).append('\n');
        }
        return s.toString();
    }

    private static void writePng(Image image, Path file) throws Exception {
        BufferedImage picture = new BufferedImage(Image.SIDE, Image.SIDE, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < Image.SIDE; y++) {
            for (int x = 0; x < Image.SIDE; x++) {
                int v = image.pixel(y, x);
                picture.getRaster().setSample(x, y, 0, v);
            }
        }
        ImageIO.write(picture, "png", file.toFile());
    }

    @Test
    void zooListsThePretrainedModelsAndPredictUsesTheBestWithoutAModelFile() throws Exception {
        assertEquals(0, run("zoo"));
        assertTrue(out.contains("resnet") && out.contains("cnn") && out.contains("93.93%"), out);
        assertEquals(0, run("zoo", "--long"));
        assertTrue(out.contains("9393 of 10000 test images correct"), out);

        Path png = dir.resolve("item.png");
        io.github.fmnist.data.imageio.PngExporter.write(io.github.fmnist.testkit.SyntheticFashion.dataset(1, 3L).images().get(0), 4, png);
        assertEquals(0, run("predict", "--format", "csv", png.toString()));
        assertTrue(err.contains("zoo model resnet"), err);
        assertTrue(out.startsWith("file,class1,probability1"), out);
        assertEquals(0, run("predict", "-m", "zoo:cnn", png.toString()));
        assertTrue(err.contains("zoo model cnn"), err);
        assertNotEquals(0, run("predict", "-m", "zoo:none", png.toString()));
        assertTrue(err.contains("no zoo model 'none'"), err);
    }

    @Test
    void predictShowsTheInputItConverted() throws Exception {
        Path png = dir.resolve("shop").resolve("item.png");
        java.nio.file.Files.createDirectories(png.getParent());
        io.github.fmnist.data.imageio.PngExporter.write(io.github.fmnist.testkit.SyntheticFashion.dataset(1, 3L).images().get(0), 4, png);
        Path seen = dir.resolve("seen");
        assertEquals(0, run("predict", "--show-input", seen.toString(), png.toString()), err);
        BufferedImage small = ImageIO.read(seen.resolve("shop-item.28x28.png").toFile());
        assertEquals(28 * 8, small.getWidth());
        BufferedImage steps = ImageIO.read(seen.resolve("shop-item.steps.png").toFile());
        assertEquals(112, steps.getHeight(), "picture, mask and result at the picture's height");
        assertTrue(steps.getWidth() > 3 * 112, "three panels side by side: " + steps.getWidth());
    }

    @Test
    void photoBenchWritesATablePerStyle() throws Exception {
        Path report = dir.resolve("photos");
        assertEquals(0, run("photo-bench", "--images", "20", "--styles", "white,cluttered", "--out", report.toString(),
                "--keep-photos"), err);
        String md = java.nio.file.Files.readString(report.resolve("photo-bench.md"));
        assertTrue(md.contains("| white |") && md.contains("| cluttered |") && !md.contains("| jpeg |"), md);
        assertTrue(java.nio.file.Files.readString(report.resolve("photo-bench.json")).contains("\"shareOfClean\""));
        try (var files = java.nio.file.Files.list(report.resolve("photos").resolve("cluttered"))) {
            assertEquals(20, files.count(), "one staged photo per image");
        }
        assertEquals(ExitCodes.USAGE, run("photo-bench", "--styles", "fog", "--out", report.toString()));
        assertTrue(err.contains("no photo style 'fog'"), err);
    }
}
