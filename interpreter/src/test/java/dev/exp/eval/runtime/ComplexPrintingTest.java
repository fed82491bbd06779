package dev.exp.eval.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.exp.api.Exp;
import dev.exp.tensor.Complex;
import dev.exp.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Printed complex values read back to bit-identical values (shortest round-trip digits for each part). */
class ComplexPrintingTest {
  @Test
  void scalarsRoundTrip() {
    double[] parts = {0.1, -0.3, 1.0 / 3, 2.5e-7, -1e20, 123456.789, 1e-5, 5e-324, 1.7976931348623157e308, -2};
    for (double re : parts) {
      for (double im : parts) {
        Complex z = new Complex(re, im);
        String text = Printer.repr(z);
        Object back = Exp.eval(text).raw();
        assertEquals(z, back, text);
      }
      Complex pure = new Complex(0, re);
      assertEquals(pure, Exp.eval(Printer.repr(pure)).raw(), Printer.repr(pure));
    }
  }

  @Test
  void tensorsRoundTrip() {
    Tensor t = Tensor.wrapComplex(new int[] {2, 2}, new double[] {0.1, 0.2, 0, -0.5, 3, 0, -1.0 / 7, 1e-300});
    String text = Printer.repr(t);
    assertEquals("[[0.1+0.2i, -0.5i], [3+0i, -0.14285714285714285+1e-300i]]", text);
    assertEquals(t, Exp.eval(text).raw());
  }
}
