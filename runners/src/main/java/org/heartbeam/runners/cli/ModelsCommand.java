package org.heartbeam.runners.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.heartbeam.registry.ModelRegistry;
import org.heartbeam.registry.Promotion;
import org.heartbeam.registry.PromotionGate;
import org.heartbeam.registry.RegisteredModel;
import org.heartbeam.registry.RegistryException;

/** {@code heartbeam models list|show|promote|register|verify}: the model registry. */
final class ModelsCommand implements Command {
  static final String DEFAULT_REGISTRY = "heartbeam-out/registry";

  @Override
  public String name() {
    return "models";
  }

  @Override
  public String summary() {
    return "the model registry: list, show, register, verify, promote to production";
  }

  @Override
  public void printHelp(PrintStream out) {
    out.println("usage: heartbeam models list [--name=N]");
    out.println("       heartbeam models show <ref>");
    out.println("       heartbeam models register <run folder> --name=N");
    out.println("       heartbeam models verify <ref>");
    out.println("       heartbeam models promote <ref> --minDice=0.9 --maxLatencyMs=200 [--latencyBatch=1]");
    out.println("  (each takes --registry=<folder or URI>, default " + DEFAULT_REGISTRY + ")");
    out.println();
    out.println("Refs: name or name@latest (highest version), name@N, name@production (the promoted version).");
    out.println("A version is a training run folder copied whole (model.hbm, run.json, curves, epochs, dead letters)");
    out.println("with version.json (SHA-256 of every file); versions are never overwritten.");
    out.println("promote checks the files against version.json, run.json metrics.val_dice_mean >= --minDice, and");
    out.println("inference latency measured now (median of --latencyRuns batches of --latencyBatch images after");
    out.println("--latencyWarmup, ms/image) <= --maxLatencyMs; it records both in stages/production.json and");
    out.println("promotions.jsonl. A refusal names the failed check and exits 2.");
    out.println();
    out.println("  --registry=DIR        registry folder or Beam filesystem URI (default " + DEFAULT_REGISTRY + ")");
    out.println("  --name=N              model name (register: required; list: only this model)");
    out.println("  --minDice=D           promote: minimum validation Dice, 0..1 (required)");
    out.println("  --maxLatencyMs=MS     promote: maximum inference ms per image on this machine (required)");
    out.println("  --latencyBatch=N      promote: images per timed batch (default 1)");
    out.println("  --latencyWarmup=N     promote: untimed batches first (default 2)");
    out.println("  --latencyRuns=N       promote: timed batches, median taken (default 5)");
  }

  @Override
  public int run(String[] args, PrintStream out) throws Exception {
    if (args.length == 0 || args[0].startsWith("--")) {
      throw new UserError("name a subcommand: list, show, register, verify or promote (see heartbeam models --help)");
    }
    String sub = args[0];
    Map<String, String> options = new LinkedHashMap<>();
    List<String> positional = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      if (arg.startsWith("--")) {
        int eq = arg.indexOf('=');
        if (eq < 0) {
          throw new UserError("option " + arg + " needs a value: " + arg + "=...");
        }
        options.put(arg.substring(2, eq), arg.substring(eq + 1));
      } else {
        positional.add(arg);
      }
    }
    ModelRegistry registry = ModelRegistry.at(take(options, "registry").orElse(DEFAULT_REGISTRY));
    try {
      switch (sub) {
        case "list":
          String name = take(options, "name").orElse(null);
          noArguments(options, positional);
          return list(registry, name, out);
        case "show":
          return show(registry, ref(options, positional, "show"), out);
        case "register":
          return register(registry, options, positional, out);
        case "verify":
          return verify(registry, ref(options, positional, "verify"), out);
        case "promote":
          return promote(registry, options, positional, out);
        default:
          throw new UserError("unknown subcommand '" + sub + "' (list, show, register, verify, promote)");
      }
    } catch (RegistryException e) {
      throw new UserError(e.getMessage());
    }
  }

  private static int list(ModelRegistry registry, String name, PrintStream out) throws Exception {
    List<RegisteredModel> models = registry.list(name);
    if (models.isEmpty()) {
      out.println("no models in " + registry.root() + (name == null ? "" : " named " + name));
      return 0;
    }
    out.printf("%-24s %7s  %-24s %8s  %s%n", "MODEL", "VERSION", "REGISTERED", "VAL_DICE", "STAGE");
    for (RegisteredModel m : models) {
      Double dice = m.metrics().get("val_dice_mean");
      out.printf(Locale.ROOT, "%-24s %7d  %-24s %8s  %s%n", m.name(), m.version(), m.registeredAt(),
          dice == null ? "-" : String.format(Locale.ROOT, "%.4f", dice), m.isProduction() ? "production" : "");
    }
    return 0;
  }

  private static int show(ModelRegistry registry, String ref, PrintStream out) throws Exception {
    RegisteredModel m = registry.show(ref);
    out.println(m.ref() + (m.isProduction() ? "  (production)" : ""));
    out.println("  location:         " + m.uri());
    out.println("  registered at:    " + m.registeredAt());
    out.println("  from run:         " + m.source());
    out.println("  command:          " + m.command());
    out.println("  data fingerprint: " + m.dataFingerprint());
    m.metrics().forEach((k, v) -> out.printf(Locale.ROOT, "  metric %-16s %.4f%n", k + ":", v));
    m.files().forEach((k, v) -> out.printf("  file %-18s sha256 %s%n", k, v));
    Optional<Promotion> production = registry.production(m.name());
    if (production.isPresent() && production.get().version() == m.version()) {
      out.println("  promoted:         " + describe(production.get()));
    }
    return 0;
  }

  private static int register(ModelRegistry registry, Map<String, String> options, List<String> positional,
      PrintStream out) throws Exception {
    String name = take(options, "name").orElseThrow(() -> new UserError("register needs --name=<model name>"));
    noneLeft(options);
    if (positional.size() != 1) {
      throw new UserError("register takes one training run folder, got " + positional.size());
    }
    RegisteredModel m = registry.register(name, positional.get(0));
    out.println("registered " + m.ref() + " at " + m.uri() + " (" + m.files().size() + " files)");
    return 0;
  }

  /** Exit status 1 when files changed since registration, so scripts can check a registry. */
  private static int verify(ModelRegistry registry, String ref, PrintStream out) throws Exception {
    List<String> problems = registry.verify(ref);
    problems.forEach(out::println);
    if (problems.isEmpty()) {
      out.println(registry.show(ref).ref() + ": every file matches version.json");
      return 0;
    }
    return 1;
  }

  private static int promote(ModelRegistry registry, Map<String, String> options, List<String> positional,
      PrintStream out) throws Exception {
    double minDice = number(options, "minDice").orElseThrow(() -> new UserError("promote needs --minDice=<0..1>"));
    double maxLatency = number(options, "maxLatencyMs")
        .orElseThrow(() -> new UserError("promote needs --maxLatencyMs=<ms per image>"));
    int batch = whole(options, "latencyBatch", 1);
    int warmUp = whole(options, "latencyWarmup", 2);
    int runs = whole(options, "latencyRuns", 5);
    String ref = ref(options, positional, "promote");
    PromotionGate gate;
    try {
      gate = PromotionGate.of(minDice, maxLatency).withLatencyRuns(batch, warmUp, runs);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
    Promotion p = registry.promote(ref, gate);
    out.println("promoted " + p.ref() + " to production: " + describe(p));
    return 0;
  }

  private static String describe(Promotion p) {
    return String.format(Locale.ROOT, "validation Dice %.4f >= %.4f, latency %s <= %.3f ms/image, at %s, previous %s",
        p.validationDice(), p.minDice(), p.latency().describe(), p.maxLatencyMs(), p.promotedAt(),
        p.previousVersion().isPresent() ? p.name() + "@" + p.previousVersion().getAsInt() : "none");
  }

  private static String ref(Map<String, String> options, List<String> positional, String sub) {
    if (positional.size() != 1) {
      throw new UserError(sub + " takes one model ref (name, name@N, name@latest, name@production), got "
          + positional.size());
    }
    noneLeft(options);
    return positional.get(0);
  }

  private static void noArguments(Map<String, String> options, List<String> positional) {
    if (!positional.isEmpty()) {
      throw new UserError("unexpected argument '" + positional.get(0) + "'");
    }
    noneLeft(options);
  }

  private static Optional<String> take(Map<String, String> options, String name) {
    return Optional.ofNullable(options.remove(name));
  }

  private static Optional<Double> number(Map<String, String> options, String name) {
    Optional<String> value = take(options, name);
    try {
      return value.map(Double::parseDouble);
    } catch (NumberFormatException e) {
      throw new UserError("--" + name + " needs a number, got '" + value.get() + "'");
    }
  }

  private static int whole(Map<String, String> options, String name, int otherwise) {
    Optional<String> value = take(options, name);
    try {
      return value.map(Integer::parseInt).orElse(otherwise);
    } catch (NumberFormatException e) {
      throw new UserError("--" + name + " needs a whole number, got '" + value.get() + "'");
    }
  }

  private static void noneLeft(Map<String, String> options) {
    if (!options.isEmpty()) {
      throw new UserError("unknown option --" + options.keySet().iterator().next() + " (see heartbeam models --help)");
    }
  }
}
