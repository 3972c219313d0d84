package org.dialsim.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TwoProportionsTest {
  // references: z = (p2 - p1) / sqrt(p(1 - p)(1/n1 + 1/n2)) with the pooled p, and
  // p = erfc(|z| / sqrt 2), computed independently with Python's math.erfc
  @Test
  void matchesTheTextbookTest() {
    assertEquals(0.04767038065616144, TwoProportions.pValue(10, 100, 20, 100), 1e-12); // z = 1.980
    assertEquals(0.2833579958537572, TwoProportions.pValue(5, 1000, 9, 1000), 1e-12); // z = 1.073
    assertEquals(6.32606826367741e-28, TwoProportions.pValue(0, 300, 100, 300), 1e-38); // z = 10.95
  }

  @Test
  void isSymmetricAndTwoSided() {
    assertEquals(TwoProportions.pValue(10, 100, 20, 100), TwoProportions.pValue(20, 100, 10, 100), 0);
  }

  @Test
  void edgeCases() {
    assertEquals(1, TwoProportions.pValue(0, 50, 0, 80), 0, "no failures anywhere: no evidence");
    assertEquals(1, TwoProportions.pValue(50, 50, 80, 80), 0, "all failures anywhere: no evidence");
    assertEquals(1, TwoProportions.pValue(7, 70, 7, 70), 1e-12);
    assertTrue(Double.isNaN(TwoProportions.pValue(0, 0, 1, 10)), "nothing to compare with");
  }

  @org.junit.jupiter.api.Test
  void fewerEffectiveTrialsMakeTheSameDifferenceLessSignificant() {
    // 10 % against 13 % of 2000 calls each is significant as independent trials; the same
    // rates from 40 replications of 50 clients that share their fate (worth 40 trials) are not
    double independent = TwoProportions.pValue(200, 2000, 260, 2000);
    org.junit.jupiter.api.Assertions.assertEquals(independent, TwoProportions.pValue(0.10, 2000, 0.13, 2000), 1e-12);
    org.junit.jupiter.api.Assertions.assertTrue(independent < TwoProportions.ALPHA, "p = " + independent);
    double clustered = TwoProportions.pValue(0.10, 40, 0.13, 40);
    org.junit.jupiter.api.Assertions.assertTrue(clustered > 0.5, "p = " + clustered);
  }
}
