package dev.exp.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.KernelException;
import org.junit.jupiter.api.Test;

/** Complex scalars and the complex kernels; reference values from NumPy (pasted) or closed forms. */
class ComplexTest {
  static void near(double re, double im, Complex z, double tol) {
    assertTrue(Math.abs(z.re() - re) <= tol && Math.abs(z.im() - im) <= tol, "expected " + re + "+" + im + "i, got " + z);
  }

  @Test
  void arithmeticMatchesNumpy() {
    Complex a = new Complex(1, 2);
    near(-0.2, 0.4, a.div(new Complex(3, -4)), 1e-16);
    near(-11, -2, a.pow(new Complex(3, 0)), 0);
    near(1.272019649514069, 0.7861513777574233, a.pow(new Complex(0.5, 0)), 1e-15);
    near(1.272019649514069, 0.7861513777574233, a.sqrt(), 1e-15);
    near(0, 2, new Complex(-4, 0).sqrt(), 0);
    near(0, Math.PI, new Complex(-1, 0).log(), 0);
    near(1, 0, new Complex(0, 0).pow(new Complex(0, 0)), 0);
    assertEquals(Math.sqrt(5), a.abs(), 0);
  }

  @Test
  void identities() {
    // exp(iπ) = -1 within 1e-15
    Complex e = new Complex(0, Math.PI).exp();
    near(-1, 0, e, 1e-15);
    // |z|² = z·conj(z) for scalars
    for (Complex z : new Complex[] {new Complex(1, 2), new Complex(-0.5, 3e-3), new Complex(1e150, -1e150)}) {
      Complex p = z.mul(z.conj());
      assertEquals(0, p.im(), 0);
      assertEquals(z.abs() * z.abs(), p.re(), 1e-15 * p.re());
    }
    // and for tensors: abs(z)² against conj
    Tensor t = Tensor.wrapComplex(new int[] {3}, new double[] {1, 2, 0, -0.5, 3, 0});
    Tensor mag = (Tensor) ComplexKernels.abs(t);
    assertArrayEquals(new double[] {2.23606797749979, 0.5, 3.0}, mag.raw(), 1e-15);
    Tensor c = (Tensor) ComplexKernels.conj(t);
    assertArrayEquals(new double[] {1, -2, 0, 0.5, 3, -0.0}, c.complexRaw(), 0);
    Tensor ang = (Tensor) ComplexKernels.angle(t);
    assertArrayEquals(new double[] {1.1071487177940904, -1.5707963267948966, 0.0}, ang.raw(), 1e-16);
  }

  @Test
  void partsAreViews() {
    Tensor t = Tensor.wrapComplex(new int[] {2, 2}, new double[] {1, 2, 3, 4, 5, 6, 7, 8});
    Tensor re = (Tensor) ComplexKernels.real(t);
    Tensor im = (Tensor) ComplexKernels.imag(t);
    assertTrue(re.storage() == t.storage() && im.storage() == t.storage());
    assertArrayEquals(new double[] {1, 3, 5, 7}, re.raw(), 0);
    assertArrayEquals(new double[] {2, 4, 6, 8}, im.raw(), 0);
    // of a transposed complex view
    Tensor tt = Views.transpose(t);
    assertArrayEquals(new double[] {2, 6, 4, 8}, ((Tensor) ComplexKernels.imag(tt)).raw(), 0);
    assertArrayEquals(new double[] {1, 2, 5, 6, 3, 4, 7, 8}, tt.complexRaw(), 0);
    assertEquals(0.0, ComplexKernels.imag(3.0));
  }

  @Test
  void complexBuildsAndBroadcasts() {
    assertEquals(new Complex(1, 2), ComplexKernels.complex(1.0, 2.0));
    Tensor z = (Tensor) ComplexKernels.complex(Tensor.vector(1, 2), 0.0);
    assertArrayEquals(new double[] {1, 0, 2, 0}, z.complexRaw(), 0);
    assertThrows(KernelException.class, () -> ComplexKernels.complex(z, 1.0));
    Tensor eq = ComplexKernels.equal(z, Tensor.vector(1, 3), true);
    assertArrayEquals(new double[] {1, 0}, eq.raw(), 0);
    KernelException e = assertThrows(KernelException.class, z::raw);
    assertTrue(e.getMessage().contains("complex128"), e.getMessage());
  }

  @Test
  void listsMixingRealAndComplexBecomeComplex() {
    Tensor v = TensorArgs.vectorOf(java.util.List.of(1.0, new Complex(0, -0.5)));
    assertTrue(v.isComplex());
    assertArrayEquals(new double[] {1, 0, 0, -0.5}, v.complexRaw(), 0);
    Tensor m = TensorArgs.stackRows(java.util.List.of(v, Tensor.vector(3, 4)));
    assertArrayEquals(new int[] {2, 2}, m.shape());
    assertArrayEquals(new double[] {1, 0, 0, -0.5, 3, 0, 4, 0}, m.complexRaw(), 0);
  }
}
