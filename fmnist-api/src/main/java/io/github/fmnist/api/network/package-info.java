/**
 * A framework-neutral description of a feed-forward network (layers and weights as plain records), from which exporters such as fmnist-onnx build other formats; {@link io.github.fmnist.api.network.CheckedNetwork} infers and checks its shapes for them.
 */
package io.github.fmnist.api.network;
