"""The 민원 classification benchmark runs without the real corpus (generated set only)."""

from benchmarks import bench_complaints


def test_benchmark_without_corpus_runs_the_generated_set(tmp_path, capsys):
    bench_complaints.main(["--corpus", str(tmp_path)])
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:4] == ["set", "train", "test", "classes"]
    assert [line.split()[0] for line in lines[1:]] == ["generated"]


def test_time_split_trains_on_the_earlier_records():
    frame = bench_complaints.load_generated().sample(frac=1, random_state=0)
    train, test = bench_complaints.time_split(frame)
    assert train["date"].max() <= test["date"].min()
    assert len(train) == int(len(frame) * bench_complaints.TRAIN_SHARE)


def test_speed_mode_times_a_cold_and_a_warm_classification(tmp_path, capsys):
    bench_complaints.main(["--corpus", str(tmp_path), "--speed-only", "--speed", "60"])
    out = capsys.readouterr().out
    assert out.startswith("speed: train on 60 ")
    assert "warm cache:" in out and "before:" not in out
