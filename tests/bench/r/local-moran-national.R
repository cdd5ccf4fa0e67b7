# Baseline of bench measure 6b: R spdep's localmoran_perm, 999 permutations, on every
# desa/kelurahan of Indonesia, on the queen weights and values the bench wrote (same as the
# browser's).
#   Rscript tests/bench/r/local-moran-national.R <weights.gal> <values.txt> <output.json> <reps>
# Serial on purpose: spdep parallelises localmoran_perm only when told to (set.coresOption /
# set.mcOption); the default is one core, and that default is forced and recorded here. No
# warm-up call (one call takes about a minute; R has no JIT to warm for it). Writes the elapsed ms
# of each run (system.time), the Ii of the last, the number of islands and the versions.
suppressPackageStartupMessages({ library(spdep); library(jsonlite) })
args <- commandArgs(trailingOnly = TRUE)
# read.gal takes minutes on 83,402 records (an R loop); keep the nb it read next to the GAL.
rds <- paste0(args[1], ".rds")
nb <- if (file.exists(rds) && file.mtime(rds) > file.mtime(args[1])) readRDS(rds) else {
  nb <- read.gal(args[1], override.id = TRUE)
  saveRDS(nb, rds)
  nb
}
x <- scan(args[2], quiet = TRUE)
stopifnot(length(nb) == length(x))
invisible(set.coresOption(NULL))
lw <- nb2listw(nb, style = "W", zero.policy = TRUE)
reps <- as.integer(args[4])
ms <- numeric(reps)
for (r in seq_len(reps)) {
  t <- system.time(res <- localmoran_perm(x, lw, nsim = 999, iseed = r, zero.policy = TRUE))
  ms[r] <- t[["elapsed"]] * 1000
}
write_json(
  list(Ii = as.numeric(res[, "Ii"]), ms = I(ms), islands = sum(card(nb) == 0L), links = sum(card(nb)),
       cores = if (is.null(get.coresOption())) 1L else get.coresOption(), mcOption = get.mcOption(),
       spdep = as.character(packageVersion("spdep")), R = R.version.string),
  args[3], digits = NA, auto_unbox = TRUE
)
