"""Settings modules: base (everything), local (one machine, the embedded default),
production (behind TLS, refuses unsafe settings) and test."""
