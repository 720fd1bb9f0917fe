package org.heartbeam.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The production/latest/N switch, against an index held in maps. */
class RefResolverTest {
  /** lv-unet: versions up to 7, 3 in production; rv-unet: versions, none promoted; nothing else. */
  private static final VersionIndex INDEX = new VersionIndex() {
    private final Map<String, Integer> latest = Map.of("lv-unet", 7, "rv-unet", 2);
    private final Map<String, Integer> production = Map.of("lv-unet", 3);

    @Override
    public OptionalInt productionVersion(String name) {
      return production.containsKey(name) ? OptionalInt.of(production.get(name)) : OptionalInt.empty();
    }

    @Override
    public OptionalInt latestVersion(String name) {
      return latest.containsKey(name) ? OptionalInt.of(latest.get(name)) : OptionalInt.empty();
    }

    @Override
    public String location() {
      return "/models/";
    }
  };

  private static int resolve(String ref) throws Exception {
    return new RefResolver(INDEX).version(ModelRef.parse(ref));
  }

  @Test
  void eachSelectorNamesItsVersion() throws Exception {
    assertEquals(3, resolve("lv-unet@production"));
    assertEquals(3, resolve("lv-unet@PRODUCTION"));
    assertEquals(7, resolve("lv-unet@latest"));
    assertEquals(7, resolve("lv-unet"));
    assertEquals(5, resolve("lv-unet@5"));
    assertEquals(5, resolve("lv-unet@v5"));
    assertEquals(2, resolve("rv-unet"));
  }

  @Test
  void aFixedVersionIsNotCheckedHere() throws Exception {
    // Whether v99 exists is the store's question: the resolver only reads the ref.
    assertEquals(99, resolve("lv-unet@99"));
  }

  @Test
  void aModelNeverPromotedHasNoProductionVersion() {
    RegistryException e = assertThrows(RegistryException.class, () -> resolve("rv-unet@production"));
    assertEquals("rv-unet has no production version in /models/ (promote one: heartbeam models promote rv-unet@N)",
        e.getMessage());
  }

  @Test
  void aModelWithoutVersionsHasNoLatest() {
    RegistryException e = assertThrows(RegistryException.class, () -> resolve("other"));
    assertEquals("unknown model 'other': no versions in /models/", e.getMessage());
  }
}
