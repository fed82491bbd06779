package dev.exp.tensor.blas;

import org.netlib.blas.Dnrm2;
import org.netlib.blas.Drot;
import org.netlib.blas.Dscal;
import org.netlib.blas.Idamax;
import org.netlib.lapack.Dgebak;
import org.netlib.lapack.Dgebal;
import org.netlib.lapack.Dgeev;
import org.netlib.lapack.Dgehrd;
import org.netlib.lapack.Dlabad;
import org.netlib.lapack.Dlacpy;
import org.netlib.lapack.Dlahqr;
import org.netlib.lapack.Dlamch;
import org.netlib.lapack.Dlange;
import org.netlib.lapack.Dlapy2;
import org.netlib.lapack.Dlaqr0;
import org.netlib.lapack.Dlartg;
import org.netlib.lapack.Dlascl;
import org.netlib.lapack.Dlaset;
import org.netlib.lapack.Dorghr;
import org.netlib.lapack.Dtrevc;
import org.netlib.lapack.Ilaenv;
import org.netlib.util.doubleW;
import org.netlib.util.intW;

/**
 * LAPACK in pure Java: F2J's translation of reference LAPACK 3.1.1 ({@code org.netlib.lapack}, from
 * {@code net.sourceforge.f2j:arpack_combined_all} 0.1, on F2J's Java BLAS), with the same row-major
 * contract as {@link Lapack}, for the sizes on which {@code dev.exp.linalg} does not call native LAPACK
 * and for when the native library is unavailable. Works whatever the active {@link Blas} backend.
 *
 * <p>F2J keeps some Fortran locals in static fields (DLALN2's EQUIVALENCEd work arrays, used by DTREVC for
 * the eigenvectors; DLAMCH's SAVEd machine constants), so its routines are not reentrant: every call here
 * holds one lock, and DLAMCH is initialised when this class is.
 *
 * <p>HotSpot does not JIT-compile methods of more than 8000 bytes of bytecode ({@code
 * -XX:+DontCompileHugeMethods}, the default), and F2J's DLAQR5 (the multishift QR sweep that DHSEQR uses,
 * through DLAQR0, above 75 rows) is one of them: interpreted, DGEEV took 0.6 s at
 * n = 100 and 1.0–1.2 s at n = 200. So above DHSEQR's crossover {@link #dgeev} runs DGEEV's own steps with
 * DLAHQR (the double-shift QR that DHSEQR itself uses below the crossover, and falls back from) in place of
 * DLAQR0: 24 ms at n = 100, 0.1 s at n = 200. Below the crossover that is exactly what F2J's DGEEV does, and
 * it is called as such.
 */
public final class JavaLapack {
  private JavaLapack() {}

  static final Object LOCK = new Object();

  static {
    synchronized (LOCK) {
      for (String c : new String[] {"E", "S", "B", "P", "N", "R", "M", "U", "L", "O"}) {
        Dlamch.dlamch(c);
      }
    }
  }

  /**
   * As {@link Lapack#dgeev}: eigenvalues and right eigenvectors of the general n×n row-major matrix a (a
   * left as it was) by reference LAPACK's DGEEV (JOBVL = 'N', JOBVR = 'V': balancing, Hessenberg QR, DTREVC,
   * unit 2-norm vectors with the largest component of a complex one real). wr/wi get the eigenvalues (a
   * conjugate pair consecutive, positive imaginary part first) and vr (n×n row-major) the vectors as
   * columns, packed as LAPACK packs them (for a pair (j, j + 1), columns j and j + 1 hold the real and
   * imaginary parts of the eigenvector of eigenvalue j). Returns LAPACK's info (&gt; 0: the QR algorithm did
   * not converge). The workspace is the optimal one DGEEV reports for a query (lwork = −1). Above DHSEQR's
   * crossover the QR step is DLAHQR's (see the class comment).
   */
  public static int dgeev(int n, double[] a, double[] wr, double[] wi, double[] vr) {
    if (n == 0) {
      return 0;
    }
    double[] f = Transpose.of(a, 0, n, n); // column-major A for Fortran (as NumPy passes it)
    double[] v = new double[n * n];
    int info;
    synchronized (LOCK) {
      int lwork = workspace(n);
      info = n > hseqrCrossover(n, lwork) ? dgeevLahqr(n, f, wr, wi, v, new double[lwork], lwork)
          : dgeevF2j(n, f, wr, wi, v, lwork);
    }
    System.arraycopy(Transpose.of(v, 0, n, n), 0, vr, 0, n * n); // column-major VR to row-major
    return info;
  }

  /** DGEEV's optimal workspace for n (its lwork = −1 query), at least its documented minimum 4n. Holds LOCK. */
  static int workspace(int n) {
    double[] query = new double[1];
    intW info = new intW(0);
    Dgeev.dgeev("N", "V", n, new double[1], 0, Math.max(1, n), new double[1], 0, new double[1], 0,
        new double[1], 0, 1, new double[1], 0, Math.max(1, n), query, 0, -1, info);
    return Math.max(4 * n, (int) query[0]);
  }

  /** DHSEQR's crossover (NMIN): it calls DLAQR0 for n above it and DLAHQR otherwise. Holds LOCK. */
  static int hseqrCrossover(int n, int lwork) {
    return Math.max(11, Ilaenv.ilaenv(12, "DHSEQR", "SV", n, 1, n, lwork)); // NTINY = 11
  }

  /** F2J's DGEEV on the column-major f; v gets VR column-major. Holds LOCK. */
  static int dgeevF2j(int n, double[] f, double[] wr, double[] wi, double[] v, int lwork) {
    intW info = new intW(0);
    Dgeev.dgeev("N", "V", n, f, 0, n, wr, 0, wi, 0, new double[1], 0, 1, v, 0, n, new double[lwork], 0, lwork,
        info);
    return info.val;
  }

  /**
   * DGEEV (LAPACK 3.1.1, JOBVL = 'N', JOBVR = 'V') step by step on the column-major n×n h (overwritten by
   * the Schur form), with DHSEQR's QR done by DLAHQR and, should DLAHQR fail, DLAQR0 from where it stopped
   * (as DHSEQR does for its small matrices); v gets VR column-major. Every step is F2J's LAPACK routine,
   * with DGEEV's arguments and workspace layout. Holds LOCK.
   */
  static int dgeevLahqr(int n, double[] h, double[] wr, double[] wi, double[] v, double[] work, int lwork) {
    intW ierr = new intW(0);
    // machine constants, and scaling A into [smlnum, bignum] by its largest entry
    double eps = Dlamch.dlamch("P");
    doubleW small = new doubleW(Dlamch.dlamch("S"));
    doubleW large = new doubleW(1 / small.val);
    Dlabad.dlabad(small, large);
    double smlnum = Math.sqrt(small.val) / eps;
    double bignum = 1 / smlnum;
    double anrm = Dlange.dlange("M", n, n, h, 0, n, new double[1], 0);
    boolean scalea = false;
    double cscale = 0;
    if (anrm > 0 && anrm < smlnum) {
      scalea = true;
      cscale = smlnum;
    } else if (anrm > bignum) {
      scalea = true;
      cscale = bignum;
    }
    if (scalea) {
      Dlascl.dlascl("G", 0, 0, anrm, cscale, n, n, h, 0, n, ierr);
    }
    // balance (work[ibal..]), Hessenberg reduction (tau at work[itau..]), its orthogonal matrix into v
    int ibal = 0;
    int itau = ibal + n;
    int iwrk = itau + n;
    intW ilo = new intW(0);
    intW ihi = new intW(0);
    Dgebal.dgebal("B", n, h, 0, n, ilo, ihi, work, ibal, ierr);
    Dgehrd.dgehrd(n, ilo.val, ihi.val, h, 0, n, work, itau, work, iwrk, lwork - iwrk, ierr);
    Dlacpy.dlacpy("L", n, n, h, 0, n, v, 0, n);
    Dorghr.dorghr(n, ilo.val, ihi.val, v, 0, n, work, itau, work, iwrk, lwork - iwrk, ierr);
    iwrk = itau;
    int info = hseqr(n, ilo.val, ihi.val, h, wr, wi, v, work, iwrk, lwork - iwrk);
    if (info == 0) {
      intW nout = new intW(0);
      Dtrevc.dtrevc("R", "B", new boolean[1], 0, n, h, 0, n, new double[1], 0, 1, v, 0, n, n, nout, work, iwrk,
          ierr);
      Dgebak.dgebak("B", "R", n, ilo.val, ihi.val, work, ibal, n, v, 0, n, ierr);
      // unit 2-norm; a complex vector rotated so that its largest component is real
      doubleW cs = new doubleW(0);
      doubleW sn = new doubleW(0);
      doubleW r = new doubleW(0);
      for (int i = 0; i < n; i++) {
        if (wi[i] == 0) {
          Dscal.dscal(n, 1 / Dnrm2.dnrm2(n, v, i * n, 1), v, i * n, 1);
        } else if (wi[i] > 0) {
          double scl = 1 / Dlapy2.dlapy2(Dnrm2.dnrm2(n, v, i * n, 1), Dnrm2.dnrm2(n, v, (i + 1) * n, 1));
          Dscal.dscal(n, scl, v, i * n, 1);
          Dscal.dscal(n, scl, v, (i + 1) * n, 1);
          for (int k = 0; k < n; k++) {
            double x = v[k + i * n];
            double y = v[k + (i + 1) * n];
            work[iwrk + k] = x * x + y * y;
          }
          int k = Idamax.idamax(n, work, iwrk, 1) - 1; // 1-based
          Dlartg.dlartg(v[k + i * n], v[k + (i + 1) * n], cs, sn, r);
          Drot.drot(n, v, i * n, 1, v, (i + 1) * n, 1, cs.val, sn.val);
          v[k + (i + 1) * n] = 0;
        }
      }
    }
    if (scalea) { // undo the scaling of the eigenvalues that converged
      Dlascl.dlascl("G", 0, 0, cscale, anrm, n - info, 1, wr, info, Math.max(n - info, 1), ierr);
      Dlascl.dlascl("G", 0, 0, cscale, anrm, n - info, 1, wi, info, Math.max(n - info, 1), ierr);
      if (info > 0) {
        Dlascl.dlascl("G", 0, 0, cscale, anrm, ilo.val - 1, 1, wr, 0, n, ierr);
        Dlascl.dlascl("G", 0, 0, cscale, anrm, ilo.val - 1, 1, wi, 0, n, ierr);
      }
    }
    return info;
  }

  /**
   * DHSEQR (JOB = 'S', COMPZ = 'V') on its DLAHQR branch, for any n: the eigenvalues DGEBAL isolated, then
   * DLAHQR on rows ilo..ihi (1-based), DLAQR0 from DLAHQR's failure point if it fails, and the entries below
   * the subdiagonal zeroed. work[wo..wo + lw) is DLAQR0's workspace.
   */
  private static int hseqr(int n, int ilo, int ihi, double[] h, double[] wr, double[] wi, double[] z, double[] work,
      int wo, int lw) {
    for (int i = 0; i < ilo - 1; i++) {
      wr[i] = h[i + i * n];
      wi[i] = 0;
    }
    for (int i = ihi; i < n; i++) {
      wr[i] = h[i + i * n];
      wi[i] = 0;
    }
    if (ilo == ihi) {
      wr[ilo - 1] = h[(ilo - 1) * (n + 1)];
      wi[ilo - 1] = 0;
      return 0;
    }
    intW info = new intW(0);
    Dlahqr.dlahqr(true, true, n, ilo, ihi, h, 0, n, wr, 0, wi, 0, ilo, ihi, z, 0, n, info);
    if (info.val > 0) { // a rare DLAHQR failure: DLAQR0 sometimes succeeds (n is above DHSEQR's NL = 49 here)
      int kbot = info.val;
      Dlaqr0.dlaqr0(true, true, n, ilo, kbot, h, 0, n, wr, 0, wi, 0, ilo, ihi, z, 0, n, work, wo, lw, info);
    }
    if (n > 2) {
      Dlaset.dlaset("L", n - 2, n - 2, 0, 0, h, 2, n);
    }
    return info.val;
  }
}
