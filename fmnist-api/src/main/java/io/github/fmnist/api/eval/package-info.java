/**
 * Evaluation: accuracy, log-loss, confusion matrix, per-class precision/recall/F1, averages, top confusions and a classification report.
 */
package io.github.fmnist.api.eval;
