package example;

import io.github.fmnist.zoo.PhotoClassifier;
import java.nio.file.Path;

/** Classifies the picture file named on the command line with fmnist's best pretrained model. */
public final class ClassifyPicture {
    public static void main(String[] args) throws Exception {
        try (PhotoClassifier photos = PhotoClassifier.pretrained()) {
            System.out.println(args[0] + ": " + photos.classify(Path.of(args[0])));
        }
    }
}
