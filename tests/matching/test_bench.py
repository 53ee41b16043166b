"""`python -m matching bench` prints its ratios (a tiny suggestions run; the full figures are in the README)."""


def test_bench_prints_the_suggestions_ratio_and_the_rss(run_bench):
    out = run_bench("--only", "suggest,rss", "--sizes", "400")
    assert "suggest     400 experts:" in out and "p95 ratio" in out
    assert "(model not loaded)" in out and "failed" not in out
