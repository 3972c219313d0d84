package org.dialsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.dialsim.engine.Time;
import org.dialsim.model.Family;
import org.dialsim.stack.Memory;
import org.dialsim.stack.Order;
import org.dialsim.stack.Rfc6724;
import org.dialsim.stack.RstAction;
import org.dialsim.stack.StackConfig;
import org.dialsim.stack.StrategyKind;
import org.dialsim.stack.SynSchedule;
import org.junit.jupiter.api.Test;

class ProfilesTest {
  @Test
  void listsTheBuiltInProfilesInFileOrder() {
    List<String> names = Profiles.names();
    assertEquals(List.of("ucma-4", "windows-classic", "windows-modern", "linux-glibc"), names.subList(0, 4));
  }

  @Test
  void everyProfileCitesItsSources() {
    for (String name : Profiles.names()) {
      Profile p = Profiles.get(name);
      assertFalse(p.summary().isBlank(), name);
      assertFalse(p.sources().isEmpty(), name);
      assertEquals(name, p.stack().base(), name);
      assertEquals(StackBinder.KEYS, new ArrayList<>(p.settings().keySet()), name);
    }
  }

  @Test
  void ucma4MatchesItsDocumentation() {
    StackConfig s = Profiles.get("ucma-4").stack();
    assertEquals(List.of(Family.IPV4, Family.IPV6), s.families());
    assertEquals(Order.PREFER_IPV4, s.order());
    assertEquals(StrategyKind.SEQUENTIAL, s.strategy());
    // 3 s initial RTO, 2 retries: SYNs at 0, 3, 9 s and the attempt gives up at 21 s
    assertEquals(new SynSchedule(3 * Time.S, 2, 0, Time.NEVER), s.syn());
    assertEquals(21 * Time.S, s.syn().giveUpNs());
    assertEquals(RstAction.RETRY, s.rst());
    assertEquals(30 * Time.S, s.deadlineNs());
    assertEquals(new Memory(Memory.Kind.AVOID_FAILED, 10 * Time.M), s.memory());
    assertEquals("3s initial RTO, 2 retries: SYNs at 0s, 3s, 9s; gives up at 21s", Profiles.get("ucma-4").settings().get("syn"));
    assertEquals("avoid-failed for 10m, learns timeout, refused, unreachable", Profiles.get("ucma-4").settings().get("memory"));
  }

  @Test
  void windowsAndLinuxTimers() {
    StackConfig classic = Profiles.get("windows-classic").stack();
    assertEquals(Order.PREFER_IPV6, classic.order());
    assertEquals(21 * Time.S, classic.syn().giveUpNs());
    assertEquals(RstAction.RETRY, classic.rst());
    assertFalse(Profiles.get("windows-classic").notes().isEmpty(), "prefer-ipv6 is a simplification, said in notes");

    StackConfig modern = Profiles.get("windows-modern").stack();
    assertEquals(new SynSchedule(Time.S, 4, 0, 21 * Time.S), modern.syn());
    assertEquals(21 * Time.S, modern.syn().giveUpNs());
    assertEquals(Order.PREFER_IPV6, modern.order());
    assertFalse(Profiles.get("windows-modern").notes().isEmpty(), "the retry count is uncertain, said in notes");

    StackConfig linux = Profiles.get("linux-glibc").stack();
    assertEquals(Order.RFC6724, linux.order());
    assertEquals("glibc", linux.policyTableName());
    assertEquals(10, linux.policyTable().stream()
        .filter(r -> r.prefix().toString().equals("::ffff:0:0/96")).findFirst().orElseThrow().precedence());
    // Linux 6.5+: 1 s, tcp_syn_retries 6, tcp_syn_linear_timeouts 4: five 1 s timers, then 2, 4,
    // 8, 16, 32, 64 s; the count limit (10 retransmissions) ends it at 5 + 126 = 131 s
    assertEquals(new SynSchedule(Time.S, 6, 4, Time.NEVER, SynSchedule.GiveUp.LINUX, 120 * Time.S, 250), linux.syn());
    assertEquals(131 * Time.S, linux.syn().giveUpNs());
    assertEquals(RstAction.FAIL, linux.rst());
  }

  @Test
  void unknownNamesGetASuggestionAndTheList() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Profiles.get("ucma4"));
    assertTrue(e.getMessage().startsWith("unknown profile \"ucma4\"; did you mean \"ucma-4\"? known profiles: ucma-4, "),
        e.getMessage());
    assertTrue(Profiles.find("nothing-like-it").isEmpty());
  }

  /**
   * A cut list of profiles says how many it left out and where they all are: it once ended in
   * "python-asyncio-he, ..." and so hid node, node-500, rfc8305 and curl-7.88.
   */
  @Test
  void aCutListOfProfilesSaysHowManyMoreAndWhere() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Profiles.get("zzzzzzzz"));
    List<String> names = Profiles.names();
    assertTrue(names.size() > 12, "enough profiles to cut the list: " + names);
    String shown = String.join(", ", names.subList(0, 12));
    assertEquals("unknown profile \"zzzzzzzz\"; known profiles: " + shown + " and " + (names.size() - 12)
        + " more (dialsim stacks lists them all)", e.getMessage());
  }

  @Test
  void presetsAndTablesAreNamed() {
    assertEquals(List.of("windows-classic", "windows-modern", "linux", "linux-classic", "rfc6298"), Defaults.synPresetNames());
    assertEquals(List.of("rfc6724", "glibc"), new ArrayList<>(PolicyTables.BUILT_IN.keySet()));
    assertEquals(Rfc6724.DEFAULT_TABLE, Profiles.get("ucma-4").stack().policyTable());
    assertEquals(Rfc6724.GLIBC_TABLE, Profiles.get("linux-glibc").stack().policyTable());
  }
}
