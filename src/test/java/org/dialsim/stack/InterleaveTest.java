package org.dialsim.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.dialsim.model.Address;
import org.dialsim.model.Family;
import org.junit.jupiter.api.Test;

class InterleaveTest {
  // CPython Lib/test/test_asyncio/test_base_events.py, BaseEventTests.test_interleave_addrinfos
  private static final Address SIX_A = Address.of("2001:db8::1");
  private static final Address SIX_B = Address.of("2001:db8::2");
  private static final Address SIX_C = Address.of("2001:db8::3");
  private static final Address SIX_D = Address.of("2001:db8::4");
  private static final Address FOUR_A = Address.of("192.0.2.1");
  private static final Address FOUR_B = Address.of("192.0.2.2");
  private static final Address FOUR_C = Address.of("192.0.2.3");
  private static final Address FOUR_D = Address.of("192.0.2.4");
  private static final List<Address> CPYTHON_INPUT =
      List.of(SIX_A, SIX_B, SIX_C, FOUR_A, FOUR_B, FOUR_C, FOUR_D, SIX_D);

  // OkHttp okhttp/src/jvmTest/kotlin/okhttp3/internal/connection/InetAddressOrderTest.kt
  private static final Address IPV4_10_0_0_6 = Address.of("10.0.0.6");
  private static final Address IPV4_10_0_0_1 = Address.of("10.0.0.1");
  private static final Address IPV4_10_0_0_4 = Address.of("10.0.0.4");
  private static final Address IPV6_AB = Address.of("::ac");
  private static final Address IPV6_FC = Address.of("::fc");

  /** OkHttp's reorderForHappyEyeballs: IPv6 leads with a count of 1, whatever comes first. */
  private static List<Address> okhttp(Address... in) {
    return Interleave.interleave(Arrays.asList(in), 1, Family.IPV6);
  }

  @Test
  void cpythonFirstAddressFamilyCount1() {
    assertEquals(List.of(SIX_A, FOUR_A, SIX_B, FOUR_B, SIX_C, FOUR_C, SIX_D, FOUR_D),
        Interleave.interleave(CPYTHON_INPUT, 1));
  }

  @Test
  void cpythonFirstAddressFamilyCount2() {
    // expected_fafc_2 in the same CPython test
    assertEquals(List.of(SIX_A, SIX_B, FOUR_A, SIX_C, FOUR_B, SIX_D, FOUR_C, FOUR_D),
        Interleave.interleave(CPYTHON_INPUT, 2));
  }

  @Test
  void okhttpPrioritiseIpv6Example() {
    assertEquals(List.of(IPV6_AB, IPV4_10_0_0_6, IPV6_FC, IPV4_10_0_0_1, IPV4_10_0_0_4),
        okhttp(IPV4_10_0_0_6, IPV4_10_0_0_1, IPV4_10_0_0_4, IPV6_AB, IPV6_FC));
  }

  @Test
  void okhttpIpv6Only() {
    assertEquals(List.of(IPV6_AB, IPV6_FC), okhttp(IPV6_AB, IPV6_FC));
  }

  @Test
  void okhttpIpv4Only() {
    assertEquals(List.of(IPV4_10_0_0_6, IPV4_10_0_0_1, IPV4_10_0_0_4),
        okhttp(IPV4_10_0_0_6, IPV4_10_0_0_1, IPV4_10_0_0_4));
  }

  @Test
  void okhttpSingleIpv6() {
    assertEquals(List.of(IPV6_AB), okhttp(IPV6_AB));
  }

  @Test
  void okhttpSingleIpv4() {
    assertEquals(List.of(IPV4_10_0_0_6), okhttp(IPV4_10_0_0_6));
  }

  @Test
  void okhttpPrioritiseIpv6() {
    assertEquals(List.of(IPV6_AB, IPV4_10_0_0_6), okhttp(IPV4_10_0_0_6, IPV6_AB));
  }

  @Test
  void firstFamilyIsTheFirstAddressesFamilyNotAlwaysIpv6() {
    // CPython semantics: the same input as OkHttp's prioritiseIpv6Example keeps IPv4 in front
    List<Address> in = List.of(IPV4_10_0_0_6, IPV4_10_0_0_1, IPV4_10_0_0_4, IPV6_AB, IPV6_FC);
    assertEquals(List.of(IPV4_10_0_0_6, IPV6_AB, IPV4_10_0_0_1, IPV6_FC, IPV4_10_0_0_4),
        Interleave.interleave(in, 1));
  }

  @Test
  void countZeroOrLessLeavesTheOrder() {
    assertEquals(CPYTHON_INPUT, Interleave.interleave(CPYTHON_INPUT, 0));
    assertEquals(CPYTHON_INPUT, Interleave.interleave(CPYTHON_INPUT, -3));
    assertEquals(CPYTHON_INPUT, Interleave.interleave(CPYTHON_INPUT, 0, Family.IPV4));
  }

  @Test
  void countBeyondTheFirstFamilyTakesAllOfItThenTheRest() {
    // CPython slices [:count - 1], which stops at the list's end; the other family follows
    assertEquals(List.of(SIX_A, SIX_B, SIX_C, SIX_D, FOUR_A, FOUR_B, FOUR_C, FOUR_D),
        Interleave.interleave(CPYTHON_INPUT, 10));
  }

  @Test
  void emptyStaysEmpty() {
    assertEquals(List.of(), Interleave.interleave(List.of(), 1));
    assertEquals(List.of(), Interleave.interleave(List.of(), 2, Family.IPV6));
  }
}
