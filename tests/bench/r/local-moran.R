# Baseline of bench measure 6: R spdep's localmoran_perm, 999 permutations, on one city.
#   Rscript tests/bench/r/local-moran.R <boundaries.geojson> <input.json> <output.json> <reps>
# input.json: {"ids": [kode in file order], "values": [...]}. Writes the queen neighbours it
# used (0-based, so the browser runs on the very same weights), the Ii of the last run and the
# elapsed ms of each timed run. One untimed warm-up call first, as the browser side does.
# Needs Debian's r-cran-spdep, r-cran-sf and r-cran-jsonlite.
suppressPackageStartupMessages({ library(sf); library(spdep); library(jsonlite) })
sf_use_s2(FALSE)
args <- commandArgs(trailingOnly = TRUE)
x <- st_read(args[1], quiet = TRUE)
input <- fromJSON(args[2])
stopifnot(identical(as.character(x$kode), input$ids))

# Queen contiguity with a 10 m snap in the city's UTM zone: upstream polygons leave hairline
# gaps between neighbours (../shared/data/national/SOURCES.md).
centre <- st_coordinates(suppressWarnings(suppressMessages(st_centroid(st_union(x)))))
zone <- floor((centre[1] + 180) / 6) + 1
epsg <- if (centre[2] < 0) 32700 + zone else 32600 + zone
nb <- poly2nb(st_transform(x, epsg), snap = 10, queen = TRUE)
lw <- nb2listw(nb, style = "W", zero.policy = TRUE)
v <- input$values

invisible(localmoran_perm(v, lw, nsim = 999, iseed = 1, zero.policy = TRUE))
reps <- as.integer(args[4])
ms <- numeric(reps)
for (r in seq_len(reps)) {
  t0 <- proc.time()[["elapsed"]]
  res <- localmoran_perm(v, lw, nsim = 999, iseed = r, zero.policy = TRUE)
  ms[r] <- (proc.time()[["elapsed"]] - t0) * 1000
}
zero_based <- function(nb) lapply(nb, function(v) I(if (length(v) == 1L && v[1] == 0L) integer(0) else v - 1L))
write_json(
  list(neighbours = zero_based(nb), Ii = as.numeric(res[, "Ii"]), ms = ms, spdep = as.character(packageVersion("spdep")),
       R = R.version.string),
  args[3], digits = NA, auto_unbox = TRUE
)
