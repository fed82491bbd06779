package dev.exp.tensor;

/**
 * A complex number as a scalar value (what a 0-dimensional complex128 tensor unwraps to, as a real
 * one unwraps to a double). Scalar arithmetic only; element-wise complex math on tensors lives
 * with the other element-wise loops.
 *
 * @param re real part
 * @param im imaginary part
 */
public record Complex(double re, double im) {
  /** The imaginary unit. */
  public static final Complex I = new Complex(0, 1);

  /** A real number as a complex one. */
  public static Complex of(double re) {
    return new Complex(re, 0);
  }

  public Complex add(Complex o) {
    return new Complex(re + o.re, im + o.im);
  }

  public Complex sub(Complex o) {
    return new Complex(re - o.re, im - o.im);
  }

  public Complex mul(Complex o) {
    return new Complex(re * o.re - im * o.im, re * o.im + im * o.re);
  }

  /** Division by Smith's method (no overflow for large parts where the quotient is representable). */
  public Complex div(Complex o) {
    double c = o.re;
    double d = o.im;
    if (Math.abs(c) >= Math.abs(d)) {
      if (c == 0 && d == 0) {
        return new Complex(re / 0.0, im / 0.0);
      }
      double r = d / c;
      double den = c + d * r;
      return new Complex((re + im * r) / den, (im - re * r) / den);
    }
    double r = c / d;
    double den = c * r + d;
    return new Complex((re * r + im) / den, (im * r - re) / den);
  }

  public Complex negate() {
    return new Complex(-re, -im);
  }

  public Complex conj() {
    return new Complex(re, -im);
  }

  /** |z|, computed without overflow ({@link Math#hypot}). */
  public double abs() {
    return Math.hypot(re, im);
  }

  /** The argument in (-π, π]. */
  public double angle() {
    return Math.atan2(im, re);
  }

  /** e^z. */
  public Complex exp() {
    double m = Math.exp(re);
    return new Complex(m * Math.cos(im), m * Math.sin(im));
  }

  /** The principal logarithm. */
  public Complex log() {
    return new Complex(Math.log(abs()), angle());
  }

  /** The principal square root. */
  public Complex sqrt() {
    if (re == 0 && im == 0) {
      return new Complex(0, im);
    }
    double t = Math.sqrt((Math.abs(re) + abs()) / 2);
    return re >= 0 ? new Complex(t, im / (2 * t)) : new Complex(Math.abs(im) / (2 * t), Math.copySign(t, im));
  }

  /** z^w as exp(w log z); 0^w is 0 for w with positive real part, and z^0 is 1. */
  public Complex pow(Complex w) {
    if (w.re == 0 && w.im == 0) {
      return new Complex(1, 0);
    }
    if (re == 0 && im == 0) {
      return w.re > 0 ? new Complex(0, 0) : new Complex(Double.NaN, Double.NaN);
    }
    if (w.im == 0 && w.re == Math.rint(w.re) && Math.abs(w.re) <= 64) {
      return integerPower((int) w.re);
    }
    return w.mul(log()).exp();
  }

  private Complex integerPower(int n) {
    Complex base = n < 0 ? new Complex(1, 0).div(this) : this;
    Complex acc = new Complex(1, 0);
    for (int k = Math.abs(n); k > 0; k >>= 1) {
      if ((k & 1) != 0) {
        acc = acc.mul(base);
      }
      base = base.mul(base);
    }
    return acc;
  }

  /** Whether both parts are equal as doubles ({@code 0 == -0}, NaN is never equal). */
  public boolean numericEquals(Complex o) {
    return re == o.re && im == o.im;
  }
}
