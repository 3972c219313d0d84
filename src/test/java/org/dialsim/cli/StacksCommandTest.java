package org.dialsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StacksCommandTest {
  @Test
  void listsProfilesAndDescribesOneWithItsSources() {
    Cli list = Cli.run("stacks");
    assertEquals(0, list.exit());
    assertTrue(list.out().contains("ucma-4 "), list.out());
    Cli one = Cli.run("stacks", "ucma-4");
    assertEquals(0, one.exit());
    assertTrue(one.out().contains("deadline          30s"), one.out());
    assertTrue(one.out().contains("SYNs at 0s, 3s, 9s; gives up at 21s"), one.out());
    assertTrue(one.out().contains("Sources\n  - "), one.out());
    // memory.learn with its source and its stated uncertainty (issue 11)
    assertTrue(one.out().contains("avoid-failed for 10m, learns timeout, refused, unreachable"), one.out());
    assertTrue(one.out().contains("marked offline for ten minutes"), one.out());
    assertTrue(one.out().contains("Uncertain: which failures mark an address offline is not documented"), one.out());
  }

  @Test
  void anUnknownProfileSuggestsTheNearest() {
    Cli c = Cli.run("stacks", "ucma4");
    assertEquals(2, c.exit());
    assertTrue(c.err().contains("did you mean \"ucma-4\"") || c.err().contains("did you mean 'ucma-4'") || c.err().contains("ucma-4"), c.err());
  }
}
