package org.hawkeye.engine.generate;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hawkeye.engine.cost.Cost;
import org.hawkeye.grammar.Rational;

/**
 * A polynomial in one variable with exact rational coefficients, fitted to exact costs. Every cost hawkeye computes
 * is exact, so when a cost is a polynomial of degree d in a size, d+1 points determine it and any further point
 * either confirms it exactly or proves it is not one (a ceil(log2 n) in a round count, a padding to a multiple).
 */
public record Polynomial(String variable, List<Rational> coefficients) {

    /** The outcome of a fit: the polynomial of lowest degree through the points, and how many points confirmed it. */
    public record Fit(Polynomial polynomial, int fittedOn, int confirmedOn) {
    }

    public Polynomial {
        List<Rational> c = new ArrayList<>(coefficients);
        while (c.size() > 1 && c.get(c.size() - 1).isZero()) {
            c.remove(c.size() - 1);
        }
        coefficients = List.copyOf(c.isEmpty() ? List.of(Rational.ZERO) : c);
    }

    public int degree() {
        return coefficients.size() - 1;
    }

    /** The coefficient of {@code variable^power}. */
    public Rational coefficient(int power) {
        return power < coefficients.size() ? coefficients.get(power) : Rational.ZERO;
    }

    public Rational at(Rational x) {
        Rational y = Rational.ZERO;
        for (int i = coefficients.size() - 1; i >= 0; i--) {
            y = y.multiply(x).add(coefficients.get(i));
        }
        return y;
    }

    public Rational at(long x) {
        return at(Rational.of(x));
    }

    /**
     * The polynomial of lowest degree d that goes through the first d+1 points and every later one, with at
     * least one point left over to confirm it; empty when no degree up to {@code xs.size() - 2} fits, or when
     * there are fewer than two points. The xs must differ.
     */
    public static Optional<Fit> fit(String variable, List<Long> xs, List<BigInteger> ys) {
        if (xs.size() != ys.size()) {
            throw new IllegalArgumentException("one value per point: " + xs + ", " + ys);
        }
        for (int degree = 0; degree + 2 <= xs.size(); degree++) {
            Polynomial p = interpolate(variable, xs.subList(0, degree + 1), ys.subList(0, degree + 1));
            boolean all = true;
            for (int i = degree + 1; i < xs.size() && all; i++) {
                all = p.at(xs.get(i)).equals(Rational.of(ys.get(i)));
            }
            if (all) {
                return Optional.of(new Fit(p, degree + 1, xs.size() - degree - 1));
            }
        }
        return Optional.empty();
    }

    /** A run of consecutive points (x from {@code from} to {@code to}) on which one polynomial is exact. */
    public record Piece(long from, long to, Fit fit) {
    }

    /**
     * The points split, from the first, into the longest runs on which one polynomial of degree up to
     * {@code maxDegree} is exact (fitted on degree + 1 points of the run and confirmed on the rest of it; a lone
     * point is a piece of its own): where a cost is not one polynomial, as a round count that steps up where the
     * cache passes a power of two, it is usually one per range.
     */
    public static List<Piece> pieces(String variable, List<Long> xs, List<BigInteger> ys, int maxDegree) {
        List<Piece> out = new ArrayList<>();
        int i = 0;
        while (i < xs.size()) {
            int bestEnd = i + 1;
            Polynomial best = interpolate(variable, xs.subList(i, i + 1), ys.subList(i, i + 1));
            int bestDegree = 0;
            for (int d = 0; d <= maxDegree && i + d + 1 < xs.size(); d++) {
                Polynomial p = interpolate(variable, xs.subList(i, i + d + 1), ys.subList(i, i + d + 1));
                int j = i + d + 1;
                while (j < xs.size() && p.at(xs.get(j)).equals(Rational.of(ys.get(j)))) {
                    j++;
                }
                if (j - i >= d + 2 && j > bestEnd) {
                    bestEnd = j;
                    best = p;
                    bestDegree = d;
                }
            }
            int confirmed = bestEnd - i - bestDegree - 1;
            out.add(new Piece(xs.get(i), xs.get(bestEnd - 1), new Fit(best, bestEnd - i - confirmed, confirmed)));
            i = bestEnd;
        }
        return out;
    }

    /** Each metric of the costs fitted in {@code variable} (see {@link #fit}), in {@link Metric} order. */
    public static Map<Metric, Optional<Fit>> fitCosts(String variable, List<Long> xs, List<Cost> costs) {
        Map<Metric, Optional<Fit>> out = new EnumMap<>(Metric.class);
        for (Metric m : Metric.values()) {
            out.put(m, fit(variable, xs, costs.stream().map(m::of).toList()));
        }
        return out;
    }

    /** True for a fit of the zero polynomial: a metric that is nothing at every point, which reports leave out. */
    public static boolean zero(Optional<Fit> fit) {
        return fit.isPresent() && fit.get().polynomial().degree() == 0
                && fit.get().polynomial().coefficient(0).isZero();
    }

    /**
     * A fit in words: {@code 2*cache + 3 (exact: fitted on 2 points, confirmed on 30 more)}, or why there is none.
     */
    public static String describe(Optional<Fit> fit, int points) {
        if (fit.isEmpty()) {
            return points < 2 ? "(too few points to fit)" : points == 2 ? "not constant (2 points confirm no "
                    + "higher degree: give 3 values or more)" : "not a polynomial of degree " + (points - 2)
                    + " or less over these " + points + " points";
        }
        Fit f = fit.get();
        return f.polynomial() + "  (exact: fitted on " + f.fittedOn() + " point" + (f.fittedOn() == 1 ? "" : "s")
                + ", confirmed on " + f.confirmedOn() + " more)";
    }

    /** The unique polynomial of degree below {@code xs.size()} through the points (Newton's divided differences). */
    static Polynomial interpolate(String variable, List<Long> xs, List<BigInteger> ys) {
        int n = xs.size();
        Rational[] diff = new Rational[n];
        for (int i = 0; i < n; i++) {
            diff[i] = Rational.of(ys.get(i));
        }
        for (int level = 1; level < n; level++) {
            for (int i = n - 1; i >= level; i--) {
                Rational dx = Rational.of(xs.get(i) - xs.get(i - level));
                if (dx.isZero()) {
                    throw new IllegalArgumentException("the points repeat x = " + xs.get(i));
                }
                diff[i] = diff[i].subtract(diff[i - 1]).divide(dx);
            }
        }
        // expand c0 + c1 (x - x0) + c2 (x - x0)(x - x1) + ... into powers of x
        List<Rational> coeffs = new ArrayList<>(List.of(Rational.ZERO));
        List<Rational> basis = new ArrayList<>(List.of(Rational.ONE));
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < basis.size(); i++) {
                if (i == coeffs.size()) {
                    coeffs.add(Rational.ZERO);
                }
                coeffs.set(i, coeffs.get(i).add(basis.get(i).multiply(diff[k])));
            }
            basis = timesLinear(basis, Rational.of(xs.get(k)));
        }
        return new Polynomial(variable, coeffs);
    }

    /** {@code p(x) * (x - root)}. */
    private static List<Rational> timesLinear(List<Rational> p, Rational root) {
        List<Rational> out = new ArrayList<>();
        for (int i = 0; i <= p.size(); i++) {
            Rational shifted = i > 0 ? p.get(i - 1) : Rational.ZERO;
            Rational scaled = i < p.size() ? p.get(i).multiply(root) : Rational.ZERO;
            out.add(shifted.subtract(scaled));
        }
        return out;
    }

    /** Highest power first, e.g. {@code 12288*seq^2 + 4718592*seq + 98304}; fractions as {@code 3/2*seq}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = coefficients.size() - 1; i >= 0; i--) {
            Rational c = coefficients.get(i);
            if (c.isZero() && !(i == 0 && sb.length() == 0)) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(c.signum() < 0 ? " - " : " + ");
                c = c.abs();
            }
            String power = i == 0 ? "" : i == 1 ? variable : variable + "^" + i;
            if (power.isEmpty()) {
                sb.append(c);
            } else if (c.equals(Rational.ONE)) {
                sb.append(power);
            } else if (c.equals(Rational.ONE.negate())) {
                sb.append('-').append(power);
            } else {
                sb.append(c).append('*').append(power);
            }
        }
        return sb.toString();
    }
}
