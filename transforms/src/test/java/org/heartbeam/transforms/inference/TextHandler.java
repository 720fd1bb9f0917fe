package org.heartbeam.transforms.inference;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A model handler over text, for testing {@link RunInference}'s own behaviour without a network: the
 * "model" upper-cases its inputs, fails any batch holding {@code "bad"}, and marks results of a batch
 * that mixes inputs of different groups (the text before ':'), which RunInference must never do
 * across windows.
 */
final class TextHandler implements ModelHandler<String, String, String> {
  private static final long serialVersionUID = 1L;

  private final String id = UUID.randomUUID().toString(); // each handler its own cache entry
  private final BatchingHints batching;

  TextHandler(BatchingHints batching) {
    this.batching = batching;
  }

  @Override
  public String modelId() { return "text:" + id; }

  @Override
  public String load() { return "upper"; }

  @Override
  public List<String> run(String model, List<String> batch) {
    if (batch.contains("bad")) {
      throw new IllegalArgumentException("cannot read 'bad'");
    }
    String group = batch.get(0).split(":")[0];
    boolean mixed = batch.stream().anyMatch(s -> !s.split(":")[0].equals(group));
    List<String> results = new ArrayList<>();
    for (String s : batch) {
      results.add(s.toUpperCase() + (mixed ? " (mixed)" : ""));
    }
    return results;
  }

  @Override
  public String sourceOf(String input) { return "text:" + input; }

  @Override
  public BatchingHints batching() { return batching; }
}
