package dev.exp.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** The scalar-first switch: scalar until the counted work passes the limit, then the chosen loops for good. */
class WarmSwitchTest {
  @Test
  void scalarUntilTheLimitThenChosen() {
    WarmSwitch<String> s = new WarmSwitch<>("scalar", "vector", 100);
    assertSame("scalar", s.current());
    assertSame("scalar", s.use(60));
    assertSame("scalar", s.use(40), "100 visits: not past the limit yet");
    assertSame("scalar", s.use(1), "the call that passes the limit still runs on the loops it started with");
    assertSame("vector", s.current());
    assertSame("vector", s.use(1));
    assertSame("vector", s.use(Long.MAX_VALUE / 2), "no way back");
  }

  @Test
  void zeroLimitMeansChosenAtOnceAndNoVectorMeansScalarAlways() {
    assertSame("vector", new WarmSwitch<>("scalar", "vector", 0).use(1));
    WarmSwitch<String> none = new WarmSwitch<>("scalar", "scalar", 10);
    none.use(1000);
    assertSame("scalar", none.current());
  }

  @Test
  void thresholdFromTheSystemProperty() {
    String old = System.getProperty("exp.vector.warmup");
    try {
      System.setProperty("exp.vector.warmup", "0");
      assertEquals(0, WarmSwitch.configuredWork());
      System.setProperty("exp.vector.warmup", "12345");
      assertEquals(12345, WarmSwitch.configuredWork());
      System.setProperty("exp.vector.warmup", "lots");
      assertEquals(WarmSwitch.DEFAULT_WORK, WarmSwitch.configuredWork());
    } finally {
      if (old == null) {
        System.clearProperty("exp.vector.warmup");
      } else {
        System.setProperty("exp.vector.warmup", old);
      }
    }
  }
}
