/**
 * Seeded data augmentation for training: {@link io.github.fmnist.data.augment.Augmenter} (shift, horizontal flip,
 * random erasing).
 *
 * <pre>{@code
 * Augmenter augmenter = Augmenter.builder().shift(2).horizontalFlip(0.5).build();
 * ImageBatch augmented = augmenter.apply(batch, seed);
 * }</pre>
 */
package io.github.fmnist.data.augment;
