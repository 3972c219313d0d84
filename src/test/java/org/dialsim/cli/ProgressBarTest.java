package org.dialsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ProgressBarTest {
  @Test
  void showsTheShareDoneAndEstimatesTheTimeLeftFromTheRateSoFar() {
    // a quarter done in 20 s: three quarters more take 60 s
    assertEquals("run [########......................]  25%  1:00 left ", ProgressBar.line("run", 250, 1000, 20_000_000_000L));
    assertEquals("run [##############################] 100%  0:00 left ", ProgressBar.line("run", 1000, 1000, 5_000_000_000L));
  }

  @Test
  void quietOrWithoutATerminalThereIsNoBar() {
    assertNull(ProgressBar.forTerminal(true, "run"));
    // test JVMs (and CI) have no console attached
    if (System.console() == null) {
      assertNull(ProgressBar.forTerminal(false, "run"));
    }
  }

  @Test
  void aRunInTestsPrintsNothingToStderr() {
    Cli c = Cli.run("run", "scenarios/shared-host.yaml", "--replications", "3", "--out", System.getProperty("java.io.tmpdir") + "/dialsim-progress-test");
    assertEquals(0, c.exit());
    assertEquals("", c.err());
  }
}
