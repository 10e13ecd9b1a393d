/**
 * The output folder's files: results.json, results.csv, summary.md, confusion-matrix PNGs and the offline report.html with Plotly charts.
 */
package io.github.fmnist.bench.report;
