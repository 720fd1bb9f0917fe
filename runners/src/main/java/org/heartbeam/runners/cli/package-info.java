/**
 * The {@code heartbeam} command line: one {@link org.heartbeam.runners.cli.Command} per subcommand, option
 * parsing through Beam's options machinery, runner defaults (Flink {@code [local]} with a parallelism), and
 * user errors as one line.
 *
 * <p>Depends on everything below it (pipelines, registry, report, dicom.net, phantom, model) and on Beam and
 * Flink; nothing depends on it.
 */
package org.heartbeam.runners.cli;
