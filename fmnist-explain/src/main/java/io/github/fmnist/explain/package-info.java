/**
 * Explanations of fmnist classifiers. The explainers are plugins ({@code ExplainerProvider}s found by
 * {@code PluginRegistry}): {@code gradcam}, {@code gradcam++} and {@code scorecam} in
 * {@link io.github.fmnist.explain.cam} for classifiers with the {@code ConvolutionGradients} capability,
 * {@code occlusion} in {@link io.github.fmnist.explain.occlusion} for any classifier.
 * {@link io.github.fmnist.explain.render} draws the seed's figures, {@link io.github.fmnist.explain.faithfulness}
 * measures whether the maps mean anything, and {@link io.github.fmnist.explain.BatchExplainer} explains many
 * images on several threads.
 *
 * <p>Every explainer is stateless: it is as thread-safe as its classifier, which the api requires to be.
 */
package io.github.fmnist.explain;
