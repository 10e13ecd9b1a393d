/**
 * Pretrained Fashion-MNIST models and a photo classifier: {@link io.github.fmnist.zoo.PhotoClassifier} for the common
 * job, {@link io.github.fmnist.zoo.FashionZoo} for the entries, {@link io.github.fmnist.zoo.ZooProvider} for jars
 * that add their own.
 */
package io.github.fmnist.zoo;
