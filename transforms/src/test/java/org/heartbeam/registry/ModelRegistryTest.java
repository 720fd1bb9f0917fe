package org.heartbeam.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.heartbeam.testing.TrainingRunFolder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry's promises: immutable versions, a promotion gate that measures, integrity checks, refs. */
class ModelRegistryTest {
  private static final String[] RUN_FILES =
      {"model.hbm", "run.json", "epochs.csv", "epochs.jsonl", "curves.png", "dead_letters.jsonl"};

  @TempDir Path tmp;

  private ModelRegistry registry() {
    return ModelRegistry.at(tmp.resolve("registry").toString()).withCacheDirectory(tmp.resolve("cache"));
  }

  private Path run(String name, long seed, double dice) throws Exception {
    return TrainingRunFolder.write(tmp.resolve(name), seed, dice);
  }

  private Path version(String name, int n) {
    return tmp.resolve("registry").resolve(name).resolve("v" + n);
  }

  private static void assertSameFiles(Path run, Path version) throws Exception {
    for (String file : RUN_FILES) {
      assertArrayEquals(Files.readAllBytes(run.resolve(file)), Files.readAllBytes(version.resolve(file)), file);
    }
  }

  @Test
  void registersEachRunAsANewIntactVersion() throws Exception {
    Path first = run("run1", 1, 0.91);
    Path second = run("run2", 2, 0.93);
    ModelRegistry registry = registry();

    RegisteredModel v1 = registry.register("lv-unet", first.toString());
    RegisteredModel v2 = registry.register("lv-unet", second.toString());

    assertEquals(1, v1.version());
    assertEquals(2, v2.version());
    assertSameFiles(first, version("lv-unet", 1));
    assertSameFiles(second, version("lv-unet", 2));
    assertEquals(Set.of(RUN_FILES), v1.files().keySet());
    assertEquals(sha256(first.resolve("model.hbm")), v1.files().get("model.hbm"));
    assertEquals(0.93, v2.metrics().get("val_dice_mean"), 1e-12);
    assertEquals("fp-2", v2.dataFingerprint());
    assertTrue(v2.command().startsWith("heartbeam train"), v2.command());
    assertTrue(Files.readString(version("lv-unet", 1).resolve("version.json")).contains(v1.files().get("run.json")));

    List<RegisteredModel> listed = registry.list(null);
    assertEquals(List.of("lv-unet@1", "lv-unet@2"), listed.stream().map(RegisteredModel::ref).toList());
    assertEquals(2, registry.show("lv-unet").version(), "a bare name is the latest version");
    assertEquals(1, registry.show("lv-unet@v1").version());
    assertTrue(registry.verify("lv-unet@1").isEmpty());
    assertTrue(registry.verify("lv-unet@2").isEmpty());
  }

  @Test
  void anExistingVersionIsNeverOverwritten() throws Exception {
    Path first = run("run1", 1, 0.91);
    Path forged = run("forged", 7, 0.99);
    ModelRegistry registry = registry();
    registry.register("lv-unet", first.toString());

    RegistryException e = assertThrows(RegistryException.class,
        () -> registry.registerAs("lv-unet", forged.toString(), 1));
    assertEquals("lv-unet@1 already exists: registry versions are immutable", e.getMessage());
    assertSameFiles(first, version("lv-unet", 1));
    assertTrue(registry.verify("lv-unet@1").isEmpty());
    // A number once claimed, even by a registration that never completed, is not reused.
    Files.createDirectories(version("lv-unet", 2));
    assertEquals(3, registry.register("lv-unet", forged.toString()).version());
    assertEquals(List.of(1, 3), registry.list("lv-unet").stream().map(RegisteredModel::version).toList());
  }

  @Test
  void concurrentRegistrationsGetDistinctIntactVersions() throws Exception {
    int writers = 4;
    List<Path> runs = new ArrayList<>();
    for (int i = 0; i < writers; i++) {
      runs.add(run("run" + i, 10 + i, 0.9));
    }
    ModelRegistry registry = registry();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    List<Future<RegisteredModel>> results = new ArrayList<>();
    for (Path run : runs) {
      results.add(pool.submit(() -> {
        start.await();
        return registry.register("lv-unet", run.toString());
      }));
    }
    start.countDown();
    Set<Integer> versions = new TreeSet<>();
    for (int i = 0; i < writers; i++) {
      RegisteredModel model = results.get(i).get();
      versions.add(model.version());
      assertSameFiles(runs.get(i), version("lv-unet", model.version()));
      assertTrue(registry.verify(model.ref()).isEmpty(), model.ref());
    }
    pool.shutdown();
    assertEquals(Set.of(1, 2, 3, 4), versions);
  }

  @Test
  void refusesRunsWithoutALoadableModel() throws Exception {
    ModelRegistry registry = registry();
    Path noModel = run("nomodel", 1, 0.9);
    Files.delete(noModel.resolve("model.hbm"));
    RegistryException missing = assertThrows(RegistryException.class,
        () -> registry.register("lv-unet", noModel.toString()));
    assertTrue(missing.getMessage().contains("has no model.hbm"), missing.getMessage());

    Path corrupt = run("corrupt", 1, 0.9);
    Files.write(corrupt.resolve("model.hbm"), "not a zip".getBytes(StandardCharsets.UTF_8));
    RegistryException broken = assertThrows(RegistryException.class,
        () -> registry.register("lv-unet", corrupt.toString()));
    assertTrue(broken.getMessage().startsWith("refusing to register: "), broken.getMessage());
    assertFalse(broken.getMessage().contains("\n"), broken.getMessage());

    Path noRun = run("norun", 1, 0.9);
    Files.delete(noRun.resolve("run.json"));
    assertTrue(assertThrows(RegistryException.class, () -> registry.register("lv-unet", noRun.toString()))
        .getMessage().contains("has no run.json"));
    assertFalse(Files.exists(tmp.resolve("registry/lv-unet/v1")), "nothing claimed for a refused run");
  }

  @Test
  void promotionIsRefusedForLowDice() throws Exception {
    ModelRegistry registry = registry();
    registry.register("lv-unet", run("run1", 1, 0.5).toString());
    PromotionRefusedException e = assertThrows(PromotionRefusedException.class,
        () -> registry.promote("lv-unet@1", PromotionGate.of(0.9, 10_000)));
    assertEquals("validation-dice", e.check());
    assertEquals("lv-unet@1 not promoted: validation Dice check failed: val_dice_mean 0.5000 < minimum 0.9000",
        e.getMessage());
    assertTrue(registry.production("lv-unet").isEmpty());
    assertFalse(Files.exists(tmp.resolve("registry/lv-unet/stages/production.json")));
  }

  @Test
  void promotionIsRefusedForATooTightLatencyBound() throws Exception {
    ModelRegistry registry = registry();
    registry.register("lv-unet", run("run1", 1, 0.95).toString());
    PromotionRefusedException e = assertThrows(PromotionRefusedException.class,
        () -> registry.promote("lv-unet@1", PromotionGate.of(0.9, 1e-6)));
    assertEquals("latency", e.check());
    assertTrue(e.getMessage().startsWith("lv-unet@1 not promoted: latency check failed: "), e.getMessage());
    assertTrue(e.getMessage().contains("(median of 5 runs, batch 1, 32x32"), e.getMessage());
    assertTrue(e.getMessage().endsWith("> maximum 0.000 ms/image"), e.getMessage());
    assertTrue(registry.production("lv-unet").isEmpty());
  }

  @Tag("slow")
  @Test
  void promotionMovesTheStagePointerAndKeepsHistory() throws Exception {
    ModelRegistry registry = registry();
    registry.register("lv-unet", run("run1", 1, 0.95).toString());
    registry.register("lv-unet", run("run2", 2, 0.96).toString());
    PromotionGate gate = PromotionGate.of(0.9, 60_000).withLatencyRuns(2, 1, 3);

    Promotion first = registry.promote("lv-unet@1", gate);
    assertTrue(first.previousVersion().isEmpty());
    Promotion second = registry.promote("lv-unet@latest", gate);

    assertEquals(2, second.version());
    assertEquals(1, second.previousVersion().getAsInt());
    assertEquals(0.96, second.validationDice(), 1e-12);
    assertTrue(second.latency().msPerImage() > 0);
    assertEquals(2, second.latency().batchSize());
    assertEquals(3, second.latency().runs());
    RegisteredModel production = registry.show("lv-unet@production");
    assertEquals(2, production.version());
    assertTrue(production.isProduction());
    assertEquals(List.of(false, true), registry.list("lv-unet").stream().map(RegisteredModel::isProduction).toList());

    List<Promotion> history = registry.promotions("lv-unet");
    assertEquals(List.of(1, 2), history.stream().map(Promotion::version).toList());
    assertEquals(2, Files.readAllLines(tmp.resolve("registry/lv-unet/promotions.jsonl")).size());
    String pointer = Files.readString(tmp.resolve("registry/lv-unet/stages/production.json"));
    assertTrue(pointer.contains("\"min_val_dice\":0.9"), pointer);
    assertTrue(pointer.contains("\"max_latency_ms_per_image\":60000.0"), pointer);
    assertTrue(pointer.contains("\"previous_version\":1"), pointer);
    assertTrue(pointer.contains("\"omp_threads\":"), pointer);
    // Versions stayed as registered.
    assertSameFiles(tmp.resolve("run1"), version("lv-unet", 1));
    assertTrue(registry.verify("lv-unet@2").isEmpty());
  }

  @Test
  void verifyFindsAModifiedFileAndPromotionRefusesIt() throws Exception {
    ModelRegistry registry = registry();
    registry.register("lv-unet", run("run1", 1, 0.95).toString());
    Files.writeString(version("lv-unet", 1).resolve("epochs.csv"), "2,0.1,0.1,0.99\n", StandardOpenOption.APPEND);
    Files.writeString(version("lv-unet", 1).resolve("extra.txt"), "x");

    List<String> problems = registry.verify("lv-unet@1");
    assertEquals(List.of("lv-unet@1 epochs.csv was modified (SHA-256 differs from version.json)",
        "lv-unet@1 extra.txt was added after registration"), problems);
    PromotionRefusedException e = assertThrows(PromotionRefusedException.class,
        () -> registry.promote("lv-unet@1", PromotionGate.of(0.5, 60_000)));
    assertEquals("integrity", e.check());
  }

  @Test
  void resolvesRefsAndPlainFiles() throws Exception {
    ModelRegistry registry = registry();
    Path first = run("run1", 1, 0.95);
    registry.register("lv-unet", first.toString());
    registry.register("lv-unet", run("run2", 2, 0.95).toString());

    ResolvedModel byVersion = registry.resolve("lv-unet@1");
    assertEquals("lv-unet@1", byVersion.version());
    assertEquals(version("lv-unet", 1).resolve("model.hbm").toAbsolutePath(), byVersion.modelFile());
    assertEquals("lv-unet@2", registry.resolve("lv-unet").version());

    String sha = sha256(first.resolve("model.hbm"));
    ResolvedModel plain = registry.resolve(first.resolve("model.hbm").toString());
    assertEquals("file:sha256:" + sha.substring(0, 12), plain.version());
    assertEquals(sha, plain.sha256());
    assertEquals(first.resolve("model.hbm").toAbsolutePath(), plain.modelFile());

    PromotionGate gate = PromotionGate.of(0.9, 60_000).withLatencyRuns(1, 0, 1);
    registry.promote("lv-unet@1", gate);
    ResolvedModel production = registry.resolve("lv-unet@production");
    assertEquals(byVersion, production);
    assertTrue(production == registry.resolve("lv-unet@production"), "an unchanged pointer resolves from memory");
    registry.promote("lv-unet@2", gate);
    assertEquals("lv-unet@2", registry.resolve("lv-unet@production").version(), "the pointer move is seen");

    assertEquals("unknown model ref 'lv-unet@9': no lv-unet@9 in " + registry.root(),
        assertThrows(RegistryException.class, () -> registry.resolve("lv-unet@9")).getMessage());
    assertTrue(assertThrows(RegistryException.class, () -> registry.resolve("no/such/file.hbm")).getMessage()
        .startsWith("'no/such/file.hbm' is neither a model file nor a registry ref"));
  }

  @Test
  void aMissingRegistryIsOneLine() {
    ModelRegistry registry = ModelRegistry.at(tmp.resolve("nowhere").toString());
    RegistryException e = assertThrows(RegistryException.class, () -> registry.list(null));
    assertEquals("no model registry at " + tmp.resolve("nowhere") + " (not a folder)", e.getMessage());
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
