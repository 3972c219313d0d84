package org.dialsim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TimeTest {
  @Test
  void formatsDurationsAsScenariosWriteThem() {
    assertEquals("21s", Time.format(21 * Time.S));
    assertEquals("250ms", Time.format(250 * Time.MS));
    assertEquals("1m30s", Time.format(90 * Time.S));
    assertEquals("10m", Time.format(10 * Time.M));
    assertEquals("1.5s", Time.format(1500 * Time.MS));
    assertEquals("21.005s", Time.format(21_005 * Time.MS));
    assertEquals("none", Time.format(Time.NEVER));
    assertEquals("0s", Time.format(0));
  }

  @Test
  void additionSaturatesAtNever() {
    assertEquals(Time.NEVER, Time.add(Time.NEVER, 1));
    assertEquals(Time.NEVER, Time.add(Long.MAX_VALUE - 1, 5));
    assertEquals(7, Time.add(3, 4));
  }
}
