/**
 * The model registry: a folder (local or any Beam filesystem) of immutable, numbered model versions with
 * claims, refs ({@code name}, {@code name@latest}, {@code name@N}, {@code name@production}), the promotion
 * gate, integrity checks and a local cache; behind {@code heartbeam models}.
 *
 * <p>Uses Beam only for {@code FileSystems} (no pipelines, no DoFns). Depends on {@code model.file}, {@code
 * model.unet} and Jackson.
 */
package org.heartbeam.registry;
