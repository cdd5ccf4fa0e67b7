/**
 * Universal Transverse Mercator on the WGS84 ellipsoid, forward and inverse, by Krüger's series
 * to sixth order in the third flattening n, in the form of C. F. F. Karney, "Transverse Mercator
 * with an accuracy of a few nanometers", J. Geodesy 85 (2011) 475-485, eqs. (7), (9)-(11),
 * (35)-(36). Within a UTM zone (3-4 degrees from the central meridian) the series error is a few
 * nanometres; the remaining error is floating point, far below a millimetre.
 *
 * Indonesian offices often deliver boundaries in UTM (zones 46-54, north and south of the
 * equator); the map works in lon/lat, so imported coordinates pass through {@link utmToLonLat}.
 */

const A = 6378137; // WGS84 semi-major axis, metres
const F = 1 / 298.257223563; // WGS84 flattening
const E2 = F * (2 - F);
const E = Math.sqrt(E2);
const K0 = 0.9996; // UTM central scale factor
const FALSE_EASTING = 500000;
const FALSE_NORTHING_SOUTH = 10000000;
const RAD = Math.PI / 180;

const N = F / (2 - F); // third flattening
const N2 = N * N;
const N3 = N2 * N;
const N4 = N3 * N;
const N5 = N4 * N;
const N6 = N5 * N;

/** Rectifying radius A of Karney (2011) eq. (14), times the UTM scale factor. */
const K0A = ((K0 * A) / (1 + N)) * (1 + N2 / 4 + N4 / 64 + N6 / 256);

/** Krüger's alpha coefficients (forward), Karney (2011) eq. (35). */
const ALPHA = [
  N / 2 - (2 * N2) / 3 + (5 * N3) / 16 + (41 * N4) / 180 - (127 * N5) / 288 + (7891 * N6) / 37800,
  (13 * N2) / 48 - (3 * N3) / 5 + (557 * N4) / 1440 + (281 * N5) / 630 - (1983433 * N6) / 1935360,
  (61 * N3) / 240 - (103 * N4) / 140 + (15061 * N5) / 26880 + (167603 * N6) / 181440,
  (49561 * N4) / 161280 - (179 * N5) / 168 + (6601661 * N6) / 7257600,
  (34729 * N5) / 80640 - (3418889 * N6) / 1995840,
  (212378941 * N6) / 319334400,
];

/** Krüger's beta coefficients (inverse), Karney (2011) eq. (36). */
const BETA = [
  N / 2 - (2 * N2) / 3 + (37 * N3) / 96 - N4 / 360 - (81 * N5) / 512 + (96199 * N6) / 604800,
  N2 / 48 + N3 / 15 - (437 * N4) / 1440 + (46 * N5) / 105 - (1118711 * N6) / 3870720,
  (17 * N3) / 480 - (37 * N4) / 840 - (209 * N5) / 4480 + (5569 * N6) / 90720,
  (4397 * N4) / 161280 - (11 * N5) / 504 - (830251 * N6) / 7257600,
  (4583 * N5) / 161280 - (108847 * N6) / 3991680,
  (20648693 * N6) / 638668800,
];

/** Central meridian of a UTM zone (1-60), degrees. */
export function utmCentralMeridian(zone: number): number {
  return zone * 6 - 183;
}

/** Conformal tau' = tan(conformal latitude) from tau = tan(latitude); Karney (2011) eqs. (7)-(9). */
function conformalTau(tau: number): number {
  const sigma = Math.sinh(E * Math.atanh((E * tau) / Math.hypot(1, tau)));
  return tau * Math.hypot(1, sigma) - sigma * Math.hypot(1, tau);
}

/** Inverse of {@link conformalTau} by Newton's method; Karney (2011) eqs. (19)-(21). */
function geodeticTau(tauPrime: number): number {
  let tau = tauPrime / (1 - E2);
  for (let i = 0; i < 6; i++) {
    const tp = conformalTau(tau);
    const dtau =
      ((tauPrime - tp) / Math.hypot(1, tp)) * ((1 + (1 - E2) * tau * tau) / ((1 - E2) * Math.hypot(1, tau)));
    tau += dtau;
    if (Math.abs(dtau) < 1e-15 * Math.max(1, Math.abs(tau))) break;
  }
  return tau;
}

/**
 * Lon/lat (degrees, WGS84) of a UTM easting and northing (metres). `south` selects the southern
 * hemisphere's false northing of 10,000 km (EPSG:327xx); north is EPSG:326xx.
 */
export function utmToLonLat(x: number, y: number, zone: number, south: boolean): [number, number] {
  const xi = (y - (south ? FALSE_NORTHING_SOUTH : 0)) / K0A;
  const eta = (x - FALSE_EASTING) / K0A;
  let xiP = xi;
  let etaP = eta;
  for (let j = 1; j <= 6; j++) {
    const b = BETA[j - 1];
    xiP -= b * Math.sin(2 * j * xi) * Math.cosh(2 * j * eta);
    etaP -= b * Math.cos(2 * j * xi) * Math.sinh(2 * j * eta);
  }
  const sinhEta = Math.sinh(etaP);
  const cosXi = Math.cos(xiP);
  // tan(conformal latitude) and longitude from the central meridian, Karney (2011) eq. (18).
  const tauPrime = Math.sin(xiP) / Math.hypot(sinhEta, cosXi);
  const lambda = Math.atan2(sinhEta, cosXi);
  const lat = Math.atan(geodeticTau(tauPrime)) / RAD;
  return [utmCentralMeridian(zone) + lambda / RAD, lat];
}

/** UTM easting and northing (metres) of a WGS84 lon/lat in degrees; the inverse of {@link utmToLonLat}. */
export function lonLatToUtm(lon: number, lat: number, zone: number, south: boolean): [number, number] {
  const lambda = (lon - utmCentralMeridian(zone)) * RAD;
  const tauP = conformalTau(Math.tan(lat * RAD));
  const xiP = Math.atan2(tauP, Math.cos(lambda));
  const etaP = Math.asinh(Math.sin(lambda) / Math.hypot(tauP, Math.cos(lambda)));
  let xi = xiP;
  let eta = etaP;
  for (let j = 1; j <= 6; j++) {
    const a = ALPHA[j - 1];
    xi += a * Math.sin(2 * j * xiP) * Math.cosh(2 * j * etaP);
    eta += a * Math.cos(2 * j * xiP) * Math.sinh(2 * j * etaP);
  }
  return [FALSE_EASTING + K0A * eta, K0A * xi + (south ? FALSE_NORTHING_SOUTH : 0)];
}
