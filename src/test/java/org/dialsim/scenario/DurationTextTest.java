package org.dialsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.dialsim.engine.Time;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DurationTextTest {
  static Stream<Arguments> valid() {
    return Stream.of(
        Arguments.of("250ms", 250 * Time.MS),
        Arguments.of("21s", 21 * Time.S),
        Arguments.of("10m", 10 * Time.M),
        Arguments.of("2h", 2 * Time.H),
        Arguments.of("1m30s", 90 * Time.S),
        Arguments.of("1h2m3s4ms5us6ns", Time.H + 2 * Time.M + 3 * Time.S + 4 * Time.MS + 5 * Time.US + 6),
        Arguments.of("1.5s", 1_500_000_000L),
        Arguments.of(".5ms", 500_000L),
        Arguments.of("0.001ms", 1_000L),
        Arguments.of("1.000000001s", 1_000_000_001L), // exact: a double would round this
        Arguments.of("100us", 100_000L),
        Arguments.of("100\u00b5s", 100_000L),
        Arguments.of("7ns", 7L),
        Arguments.of("0s", 0L),
        Arguments.of(" 3s ", 3 * Time.S),
        Arguments.of("2562047h", 2562047L * Time.H)); // near the top of the long range
  }

  @ParameterizedTest
  @MethodSource("valid")
  void parsesExactly(String text, long ns) {
    assertEquals(ns, DurationText.parse(text));
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("30", "\"30\" has no unit; write 30s"),
        Arguments.of("1.5", "\"1.5\" has no unit; write 1.5s"),
        Arguments.of("0", "\"0\" has no unit; write 0s"),
        Arguments.of("-5s", "\"-5s\" is negative; durations are 0s or more"),
        Arguments.of("-5", "\"-5\" is negative"),
        Arguments.of("30S", "\"30S\" has the unknown unit \"S\"; use h, m, s, ms, us or ns"),
        Arguments.of("3sec", "has the unknown unit \"sec\""),
        Arguments.of("30s1m", "write units from largest to smallest, e.g. 1m30s"),
        Arguments.of("1s1s", "repeats a unit"),
        Arguments.of("1.5ns", "is not a whole number of nanoseconds"),
        Arguments.of("abc", "\"abc\" is not a duration; write a number and a unit"),
        Arguments.of("1m 30s", "is not a duration"),
        Arguments.of("", "no duration given"),
        Arguments.of("3000000h", "is too long; write none for no limit"));
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void refusesWithAdvice(String text, String message) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DurationText.parse(text));
    org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains(message), e.getMessage());
  }

  @Test
  void formatsAsScenariosWriteThem() {
    assertEquals("21s", DurationText.format(21 * Time.S));
    assertEquals("1m30s", DurationText.format(90 * Time.S));
    assertEquals("none", DurationText.format(Time.NEVER));
    for (String s : new String[] {"250ms", "21s", "1m30s", "1.5s", "2h", "7ns"}) {
      assertEquals(s, DurationText.format(DurationText.parse(s)), "round trip of " + s);
    }
  }

  @org.junit.jupiter.api.Test
  void theSuggestedFixIsItselfAValidDuration() {
    for (String bare : java.util.List.of("30", "1.5", "1e3", "1.", "+5")) {
      String msg = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> DurationText.parse(bare)).getMessage();
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("write (\\S+)$").matcher(msg);
      if (m.find()) {
        DurationText.parse(m.group(1)); // must not throw
      } else {
        org.junit.jupiter.api.Assertions.assertTrue(msg.endsWith("add a unit, e.g. 30s"), msg);
      }
    }
    org.junit.jupiter.api.Assertions.assertTrue(org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> DurationText.parse("30")).getMessage().endsWith("write 30s"));
  }
}
