/**
 * Atomic file writing: a temporary file in the target folder, then a move.
 */
package io.github.fmnist.bench.files;
