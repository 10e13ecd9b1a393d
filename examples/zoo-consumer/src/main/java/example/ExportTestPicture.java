package example;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.LabeledDataset;
import io.github.fmnist.data.FashionMnist;
import io.github.fmnist.data.imageio.PngExporter;
import java.nio.file.Path;

/** Writes the first test image of a class as a PNG (for trying ClassifyPicture without a photo of your own). */
public final class ExportTestPicture {
    public static void main(String[] args) {
        FashionClass wanted = FashionClass.valueOf(args.length > 1 ? args[1] : "ANKLE_BOOT");
        LabeledDataset test = FashionMnist.load().test();
        for (int i = 0; i < test.size(); i++) {
            if (test.fashionClass(i) == wanted) {
                PngExporter.write(test.images().get(i), 8, Path.of(args[0]));
                System.out.println("wrote test image " + i + " (" + wanted.displayName() + ") to " + args[0]);
                return;
            }
        }
    }
}
