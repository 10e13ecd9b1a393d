/**
 * The core value types of fmnist: the ten {@link io.github.fmnist.api.FashionClass}es, compact {@link io.github.fmnist.api.Image}s, batches and labelled datasets, and the exception hierarchy rooted at {@link io.github.fmnist.api.FmnistException}.
 */
package io.github.fmnist.api;
