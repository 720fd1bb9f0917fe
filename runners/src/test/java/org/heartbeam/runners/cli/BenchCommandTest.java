package org.heartbeam.runners.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code heartbeam bench model} on 32x32 networks, one repeat: checks what it prints (environment
 * and one row per network, batch and phase), not how fast it is; speed is for the real bench.
 */
@Tag("slow")
class BenchCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return HeartBeamCli.standard().run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void printsEnvironmentAndARowPerNetworkBatchAndPhase() {
    assertEquals(0, run("bench", "model", "--input=32", "--repeats=1", "--warmup=0"), err.toString());
    assertTable(out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void threadsOptionRunsAChildJvmWithThatOpenMpSetting() {
    assertEquals(0, run("bench", "model", "--input", "32", "--repeats", "1", "--warmup", "0", "--threads", "1"),
        err.toString());
    String text = out.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("OMP_NUM_THREADS=1, ND4J OpenMP threads: 1"), text);
    assertTable(text);
    if (Runtime.getRuntime().availableProcessors() > 1) {
      int cores = Runtime.getRuntime().availableProcessors();
      assertTrue(text.contains("reference | 32x32 | 0.09 | " + 8 * cores + " | infer, " + cores + " nets x batch 8 | "),
          "one OpenMP thread: a net per core side by side\n" + text);
    }
  }

  /** Rows of the reference at the --input size and of the default model at its own 160x160. */
  private static void assertTable(String text) {
    assertTrue(text.startsWith("backend: CpuBackend with oneDNN"), text);
    assertTrue(text.contains("one conv2d 3x3 64->64, 8x64x64, NHWC: "), text);
    List<String> rows = text.lines().filter(l -> l.matches("(reference \\| 32x32|default \\| 160x160) \\| .*"))
        .collect(Collectors.toList());
    List<String> keys = rows.stream().map(r -> {
      String[] c = r.split(" \\| ");
      assertEquals(8, c.length, r);
      for (int i = 5; i < 8; i++) {
        assertTrue(Double.parseDouble(c[i]) > 0, r);
      }
      return c[0] + " " + c[3] + " " + c[4];
    }).filter(key -> !key.contains(" nets x ")).collect(Collectors.toList());
    assertEquals(List.of("reference 1 infer", "reference 8 infer", "reference 8 train", "default 1 infer",
        "default 8 infer", "default 8 train"), keys, text);
  }

  @Test
  void helpAndMistakes() {
    assertEquals(0, run("bench", "--help"));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("usage: heartbeam bench model"));
    assertEquals(2, run("bench", "everything"));
    assertEquals(2, run("bench", "model", "--input=100"));
    assertEquals(2, run("bench", "model", "--repeats=0"));
    List<String> errors = err.toString(StandardCharsets.UTF_8).lines().collect(Collectors.toList());
    assertEquals(List.of(
        "heartbeam bench: name what to benchmark: 'heartbeam bench model', 'bench infer' or 'bench stream' (got 'everything')",
        "heartbeam bench: --input 100 must be a multiple of 16 (the U-Net pools 4 times)",
        "heartbeam bench: --repeats needs a whole number >= 1, got '0'"), errors);
  }
}
