# Times R spdep's localmoran_perm on weights and values written by scripts/lisa-timing.ts:
#   Rscript scripts/lisa-timing.R WEIGHTS.gal VALUES.txt NSIM REPEATS
# Prints one line: "seconds <elapsed> cpu <user + system>", each the mean of one run of
# localmoran_perm alone (reading the files is not timed). Serial, as spdep runs by default.
suppressPackageStartupMessages(library(spdep))
args <- commandArgs(trailingOnly = TRUE)

# The GAL written by lisa-timing.ts has ids 1..n in order and a neighbour line after every header
# line (empty for an island). spdep's read.gal takes minutes on 83,402 units (it grows its result
# one unit at a time), so the file is split with strsplit instead.
read_gal_fast <- function(path) {
  lines <- readLines(path)
  n <- as.integer(strsplit(lines[1], " ", fixed = TRUE)[[1]][2])
  body <- lines[-1]
  neighbour_lines <- body[seq(2, 2 * n, by = 2)]
  nb <- lapply(strsplit(neighbour_lines, " ", fixed = TRUE), function(v) {
    if (length(v) == 0) 0L else sort(as.integer(v))
  })
  class(nb) <- "nb"
  attr(nb, "region.id") <- as.character(seq_len(n))
  attr(nb, "type") <- "gal"
  attr(nb, "sym") <- is.symmetric.nb(nb, verbose = FALSE, force = TRUE)
  nb
}

nb <- read_gal_fast(args[1])
x <- scan(args[2], quiet = TRUE)
nsim <- as.integer(args[3])
repeats <- as.integer(args[4])
lw <- nb2listw(nb, style = "W", zero.policy = TRUE)
times <- system.time(for (r in seq_len(repeats)) {
  localmoran_perm(x, lw, nsim = nsim, zero.policy = TRUE, iseed = r)
})
cat("seconds", times[["elapsed"]] / repeats, "cpu", (times[["user.self"]] + times[["sys.self"]]) / repeats, "\n")
