/**
 * Importing ordinary pictures as Fashion-MNIST-style 28×28 images ({@link io.github.fmnist.data.imageio.ImageImporter})
 * and exporting images or grids as PNG ({@link io.github.fmnist.data.imageio.PngExporter}).
 *
 * <pre>{@code
 * Image image = new ImageImporter().importImage(Path.of("photo.jpg"));
 * PngExporter.write(image, 8, Path.of("as-seen-by-the-model.png"));
 * }</pre>
 */
package io.github.fmnist.data.imageio;
