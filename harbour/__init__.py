"""Harbour: a free, safe, plain-English advice service for families in England."""

import os

# The answering engine's matrix products are small (one message against a few thousand
# vectors): split over threads they cost more than they save, and on 2 cores a server's workers
# each spinning BLAS threads tripled an answer's CPU (docs/benchmarks.md, "One BLAS thread").
# Set before numpy loads; an operator's own setting wins.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
