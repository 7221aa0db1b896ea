"""The folder store as hostile input (issue 14, findings 1, 2 and 7): duplicate ids, ids that do not match
their file name, symlinks, absolute and parent paths in `audio.file`, FIFOs, oversized and deeply nested
sidecars, NaN and absurd numbers. Every entry that breaks a rule is skipped and reported, never fatal, and
nothing outside the store root is ever read or deleted. Hypothesis throws random sidecars at the store."""

from __future__ import annotations

import io
import json
import math
import os
import shutil
import tempfile
import threading
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from nunrec_desktop.adapters.store.base import MalformedMetadata, RecordingGone, StoreError, parse_metadata
from nunrec_desktop.adapters.store.folder import FolderStore
from nunrec_desktop.app import Services
from nunrec_desktop.cli import Io, main
from nunrec_desktop.domain import NunrecError, User
from nunrec_desktop.ui.erasure_page import ErasurePage
from nunrec_desktop.ui.main_window import MainWindow
from nunrec_desktop.ui.translations import install_translators
from tests.conftest import TEST_PASSWORD, FakeClock, MemoryKeyring
from tests.recordings_factory import add_recording, tone_audio
from tests.ui_session import sign_in_app

CALLER = "+31612345678"
T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
WINDOW = (T0 - timedelta(days=40), T0 + timedelta(days=1))
POSIX = os.name == "posix"


def _day(root: Path, when: datetime) -> Path:
    return root / f"{when.year:04d}" / f"{when.month:02d}" / f"{when.day:02d}"


def _sidecar(root: Path, rec_id: str) -> dict[str, Any]:
    [path] = root.rglob(f"{rec_id}.json")
    data: dict[str, Any] = json.loads(path.read_text())
    return data


def _write_sidecar(folder: Path, name: str, data: dict[str, Any]) -> Path:
    path = folder / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _reasons(page_skipped: list[Any]) -> dict[str, str]:
    return {s.where.rsplit("/", 1)[-1]: s.reason for s in page_skipped}


@pytest.fixture
def root(tmp_path: Path) -> Path:
    store = tmp_path / "store"
    add_recording(store, "rec-good", T0 - timedelta(hours=1))
    add_recording(store, "rec-good-2", T0 - timedelta(days=1))
    return store


def _erase_cli(workspace_dir: Path, clock: FakeClock, keyring: MemoryKeyring, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(
        ["erase", "--workspace", str(workspace_dir), "--user", "dennis", "--password-stdin", *args],
        Io(
            stdin=io.StringIO(TEST_PASSWORD + "\n"),
            stdout=out,
            stderr=err,
            clock=clock,
            keyring_factory=lambda: keyring,
        ),
    )
    return code, out.getvalue(), err.getvalue()


# -- finding 1: erasure through a duplicate id and a parent path ---------------------------------------


def test_finding_1_erase_never_deletes_outside_the_store_and_says_what_it_found(
    services: Services,
    coach: User,
    it_user: User,
    clock: FakeClock,
    workspace_dir: Path,
    keyring_backend: MemoryKeyring,
) -> None:
    start = clock.now - timedelta(days=2)
    day, victim = _finding_1_scene(services, coach, start)
    root = services.workspace.store_path
    assert not victim.is_relative_to(root.resolve())

    around = start.astimezone().strftime("%Y-%m-%d %H:%M")
    code, out, err = _erase_cli(
        workspace_dir, clock, keyring_backend, "--caller", CALLER, "--around", around, "--yes", "--reference", "VZ-1"
    )
    assert victim.read_text() == "not the store's file"  # nothing outside the store was touched
    assert code == 1
    assert "ongeldig" in err and "nakijken" in err  # IT is told to look at the entries it could not use
    assert (day / "decoy.json").exists() and (day / "decoy.wav").exists()  # nothing deleted on a guess
    assert services.erasure.erased_ids() == frozenset()  # no tombstone hides the caller's recording
    assert "victimlink" not in out


def _finding_1_scene(services: Services, coach: User, start: datetime) -> tuple[Path, Path]:
    services.people.add_employee("E1", "Anouk de Vries")
    services.people.assign(coach.id, "E1", date(2026, 1, 1))
    root = services.workspace.store_path
    add_recording(root, "decoy", start, caller=CALLER)
    day = _day(root, start)
    decoy = _sidecar(root, "decoy")
    _write_sidecar(day, "decoy.json", {**decoy, "id": "victimlink"})
    link = {**decoy, "id": "victimlink", "audio": {**decoy["audio"], "file": "../" * 5 + "outside-victim.txt"}}
    _write_sidecar(day, "victimlink.json", link)
    victim = (day / ("../" * 5 + "outside-victim.txt")).resolve()
    victim.write_text("not the store's file")
    return day, victim


def test_finding_1_the_erasure_dialog_says_it_found_invalid_entries(
    qtbot: QtBot,
    qapp: QApplication,
    services: Services,
    coach: User,
    it_user: User,
    clock: FakeClock,
    workspace_dir: Path,
    keyring_backend: MemoryKeyring,
) -> None:
    translators = install_translators(qapp)
    start = clock.now - timedelta(days=2)
    day, victim = _finding_1_scene(services, coach, start)
    controller, window, _ = sign_in_app(qtbot, workspace_dir, clock, keyring_backend, username="dennis")
    page = window.pages.widget(MainWindow.IT_ERASURE)
    assert isinstance(page, ErasurePage)
    page.around.clear()
    qtbot.keyClicks(page.around, f"{(start + timedelta(minutes=10)).astimezone():%d-%m-%Y %H:%M}")
    qtbot.keyClicks(page.number, "06 12 34 56 78")
    qtbot.mouseClick(page.search_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "gevonden" in page.message.text(), timeout=10_000)
    assert page.table.rowCount() == 0
    assert "2 onderdelen" in page.message.text() and "nakijken" in page.message.text()
    assert victim.exists() and (day / "decoy.wav").exists()
    controller.shutdown()
    for translator in translators:
        qapp.removeTranslator(translator)


def test_two_sidecars_with_one_id_are_neither_listed_nor_opened_nor_deleted(root: Path) -> None:
    add_recording(root, "rec-dup", T0 - timedelta(days=3))
    first = next(root.rglob("rec-dup.json"))
    other_day = _day(root, T0 - timedelta(days=4))
    other_day.mkdir(parents=True)
    shutil.copy(first, other_day / "rec-dup.json")
    shutil.copy(first.with_suffix(".wav"), other_day / "rec-dup.wav")
    store = FolderStore(root)
    page = store.list_recordings(*WINDOW)
    assert [m.id for m in page.items] == ["rec-good-2", "rec-good"]
    assert [s.reason for s in page.skipped].count("id appears in more than one sidecar") == 2
    for call in (store.get, store.read_audio, lambda i: store.delete(i, "VZ-2")):
        with pytest.raises(StoreError, match="meer dan eens"):
            call("rec-dup")
    assert len(list(root.rglob("rec-dup.*"))) == 4


def test_a_sidecar_whose_id_is_not_its_file_name_is_skipped_and_not_found(root: Path) -> None:
    day = _day(root, T0 - timedelta(hours=1))
    _write_sidecar(day, "rec-named.json", {**_sidecar(root, "rec-good"), "id": "rec-other"})
    store = FolderStore(root)
    page = store.list_recordings(*WINDOW)
    assert _reasons(page.skipped)["rec-named.json"] == "id does not match the file name"
    assert sorted(m.id for m in page.items) == ["rec-good", "rec-good-2"]
    with pytest.raises(RecordingGone):
        store.get("rec-other")
    with pytest.raises(StoreError, match="ongeldig"):
        store.get("rec-named")


# -- finding 2: symlinks and absolute paths -----------------------------------------------------------


@pytest.mark.skipif(not POSIX, reason="symlinks need POSIX rights here")
def test_finding_2_a_symlinked_wav_with_a_sidecar_claiming_my_employee_is_not_listed_or_opened(
    services: Services, coach: User, admin: User, clock: FakeClock
) -> None:
    services.people.add_employee("E1", "Anouk de Vries")
    services.people.add_employee("E2", "Bram Jansen")
    services.people.assign(coach.id, "E1", date(2026, 1, 1))  # E2 is another coach's employee
    root = services.workspace.store_path
    start = clock.now - timedelta(days=1)
    add_recording(root, "rec-e2", start, employee="E2")
    add_recording(root, "rec-e1", start - timedelta(hours=1), employee="E1")
    day = _day(root, start)
    _write_sidecar(
        day,
        "rec-fake.json",
        {
            **_sidecar(root, "rec-e2"),
            "id": "rec-fake",
            "employee_id": "E1",
            "audio": {**_sidecar(root, "rec-e2")["audio"], "file": "rec-fake.wav"},
        },
    )
    (day / "rec-fake.wav").symlink_to(day / "rec-e2.wav")
    listing = services.catalog.visible_for(coach)
    assert [r.id for r in listing.items] == ["rec-e1"]
    assert any(s.where.endswith("rec-fake.json") and "link" in s.reason for s in listing.skipped)
    with pytest.raises(NunrecError):
        services.listening.open(coach, "rec-fake")
    assert services.audit.entries(action="recording.play") == [] or all(
        e.object_id != "rec-fake" or e.result != "allowed" for e in services.audit.entries()
    )
    assert services.listening.open(coach, "rec-e1").recording_id == "rec-e1"  # the rest still works


@pytest.mark.skipif(not POSIX, reason="symlinks need POSIX rights here")
def test_symlinked_sidecars_and_folders_are_refused_and_reported(root: Path, tmp_path: Path) -> None:
    day = _day(root, T0 - timedelta(hours=1))
    (day / "rec-alias.json").symlink_to(day / "rec-good.json")
    outside = tmp_path / "elsewhere"
    add_recording(outside, "rec-outside", T0 - timedelta(days=2))
    _day(root, T0 - timedelta(days=2)).parent.mkdir(parents=True, exist_ok=True)
    _day(root, T0 - timedelta(days=2)).symlink_to(_day(outside, T0 - timedelta(days=2)), target_is_directory=True)
    store = FolderStore(root)
    page = store.list_recordings(*WINDOW)
    assert sorted(m.id for m in page.items) == ["rec-good", "rec-good-2"]
    reasons = _reasons(page.skipped)
    assert reasons["rec-alias.json"] == "symbolic link refused"
    assert reasons["18"] == "folder is a link or not a folder"
    for rec_id in ("rec-alias", "rec-outside"):
        with pytest.raises((RecordingGone, StoreError)):
            store.read_audio(rec_id)
        with pytest.raises((RecordingGone, StoreError)):
            store.delete(rec_id, "VZ-3")
    assert (day / "rec-good.json").exists() and (outside / "2026" / "11" / "18" / "rec-outside.wav").exists()


@pytest.mark.parametrize(
    "audio_file",
    [
        "/etc/passwd",
        "../../../../etc/passwd",
        "..\\..\\secret.wav",
        "C:\\Windows\\win.ini",
        "C:rec-x.wav",
        "sub/rec-x.wav",
        "..",
        ".",
        "",
        "rec-x.wav:stream",
        "CON",
        "rec-x.wav\x00",
        "rec-good.json",
        "rec-good.wav",
    ],
)
def test_audio_file_must_be_the_plain_name_beside_the_sidecar(root: Path, tmp_path: Path, audio_file: str) -> None:
    day = _day(root, T0 - timedelta(hours=1))
    (tmp_path / "secret.wav").write_bytes(b"secret")
    good = _sidecar(root, "rec-good")
    _write_sidecar(day, "rec-x.json", {**good, "id": "rec-x", "audio": {**good["audio"], "file": audio_file}})
    store = FolderStore(root)
    page = store.list_recordings(*WINDOW)
    assert "rec-x" not in [m.id for m in page.items]
    assert _reasons(page.skipped)["rec-x.json"] == "audio.file is not the plain name <id>.<ext> beside the sidecar"
    for call in (store.get, store.read_audio, lambda i: store.delete(i, "VZ-4")):
        with pytest.raises(StoreError, match="ongeldig"):
            call("rec-x")
    assert (tmp_path / "secret.wav").exists() and (day / "rec-good.json").exists() and (day / "rec-good.wav").exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_fifos_are_never_opened(root: Path) -> None:
    day = _day(root, T0 - timedelta(hours=1))
    good = _sidecar(root, "rec-good")
    _write_sidecar(day, "rec-fifo.json", {**good, "id": "rec-fifo", "audio": {**good["audio"], "file": "rec-fifo.wav"}})
    os.mkfifo(day / "rec-fifo.wav")
    os.mkfifo(day / "rec-pipe.json")
    store = FolderStore(root)
    result: dict[str, Any] = {}

    def read() -> None:
        try:
            store.read_audio("rec-fifo")
        except Exception as error:  # what we want: a refusal, not a hang
            result["error"] = error

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(timeout=120)  # a refusal comes at once; this only ends a hang
    if reader.is_alive():  # release the blocked reader before failing
        os.close(os.open(day / "rec-fifo.wav", os.O_WRONLY | os.O_NONBLOCK))
        reader.join(timeout=5)
        pytest.fail("read_audio blocked on a FIFO")
    assert isinstance(result.get("error"), StoreError)
    reasons = _reasons(store.list_recordings(*WINDOW).skipped)
    assert reasons["rec-pipe.json"] == "not a regular file"
    assert reasons["rec-fifo.json"] == "audio file is a link or not a regular file"


# -- finding 7: one bad entry never breaks the list -----------------------------------------------------


def test_finding_7_a_deeply_nested_sidecar_is_skipped_and_the_rest_still_lists(root: Path) -> None:
    day = _day(root, T0 - timedelta(hours=1))
    (day / "rec-deep.json").write_text('{"id": "rec-deep", "x": ' + "[" * 20_000 + "]" * 20_000 + "}")
    page = FolderStore(root).list_recordings(*WINDOW)
    assert sorted(m.id for m in page.items) == ["rec-good", "rec-good-2"]
    assert _reasons(page.skipped)["rec-deep.json"] == "unreadable JSON (nested too deeply)"


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"duration_s": math.nan}, "field 'duration_s'"),
        ({"duration_s": math.inf}, "field 'duration_s'"),
        ({"duration_s": 86_401}, "field 'duration_s'"),
        ({"start": "1900-01-01T00:00:00+00:00"}, "field 'start'"),
        ({"start": "9999-12-31T23:59:59-23:59"}, "field 'start'"),
        (
            {"audio": {"file": "rec-x.wav", "format": "wav", "sample_rate": 8000, "channels": 0, "channel_map": []}},
            "field 'audio.channels'",
        ),
        (
            {
                "audio": {
                    "file": "rec-x.wav",
                    "format": "wav",
                    "sample_rate": 8000,
                    "channels": 10**6,
                    "channel_map": [],
                }
            },
            "field 'audio.channels'",
        ),
        (
            {"audio": {"file": "rec-x.wav", "format": "wav", "sample_rate": -8000, "channels": 2, "channel_map": []}},
            "field 'audio.sample_rate'",
        ),
        ({"segments": 5}, "field 'segments'"),
        ({"segments": [{"employee_id": "E1", "start_s": math.nan, "end_s": 1}]}, "field 'segments[0].start_s'"),
        ({"segments": [{"employee_id": "E1", "start_s": 1, "end_s": 0.5}]}, "field 'segments[0].end_s'"),
        ({"segments": [{"employee_id": "E1", "start_s": 0, "end_s": 1e9}]}, "field 'segments[0].end_s'"),
        ({"called_number": "+31" + "1" * 5000}, "field 'called_number'"),
        ({"employee_id": "E1\nforged log line"}, "field 'employee_id'"),
        ({"id": "../../etc/passwd"}, "field 'id'"),
    ],
)
def test_nan_infinite_negative_and_absurd_values_are_refused(root: Path, change: dict[str, Any], reason: str) -> None:
    good = {
        **_sidecar(root, "rec-good"),
        "id": "rec-x",
        "audio": {**_sidecar(root, "rec-good")["audio"], "file": "rec-x.wav"},
    }
    with pytest.raises(MalformedMetadata, match=reason.replace("[", r"\[").replace("]", r"\]")):
        parse_metadata({**good, **change})
    if change.get("id"):
        return
    day = _day(root, T0 - timedelta(hours=1))
    (day / "rec-x.wav").write_bytes(tone_audio())
    (day / "rec-x.json").write_text(json.dumps({**good, **change}))  # Python writes NaN / Infinity as is
    page = FolderStore(root).list_recordings(*WINDOW)
    assert sorted(m.id for m in page.items) == ["rec-good", "rec-good-2"]
    assert "rec-x.json" in _reasons(page.skipped)


def test_parse_metadata_raises_only_malformed_metadata(root: Path) -> None:
    good = _sidecar(root, "rec-good")
    for change in (
        {"segments": 5},  # TypeError before
        {"start": "0001-01-01T00:30:00+01:00"},  # OverflowError before
        {"start": "2026-11-20T09:00:00"},  # no offset
        {"duration_s": -1},
        {"duration_s": 10**400},
        {"audio": {**good["audio"], "channel_map": "employee"}},
        {"audio": {**good["audio"], "file": 5}},
    ):
        with pytest.raises(MalformedMetadata):
            parse_metadata({**good, **change})
    for data in ([], None, {"id": 1}, {"audio": []}, {"start": "x" * 10**5}, {"segments": [[]]}):
        with pytest.raises(MalformedMetadata):
            parse_metadata(data)


def test_oversized_sidecars_are_refused_unread(root: Path) -> None:
    day = _day(root, T0 - timedelta(hours=1))
    good = _sidecar(root, "rec-good")
    _write_sidecar(
        day,
        "rec-padded.json",
        {
            **good,
            "id": "rec-padded",
            "audio": {**good["audio"], "file": "rec-padded.wav"},
            "vendor_extension": "x" * 70_000,
        },
    )
    (day / "rec-padded.wav").write_bytes(tone_audio())
    with open(day / "rec-huge.json", "wb") as huge:  # 200 MB, sparse: cheap to make, costly to read
        huge.truncate(200 * 1024 * 1024)
    page = FolderStore(root).list_recordings(*WINDOW)
    reasons = _reasons(page.skipped)
    assert reasons["rec-padded.json"] == reasons["rec-huge.json"] == "sidecar is larger than 64 KiB"
    assert sorted(m.id for m in page.items) == ["rec-good", "rec-good-2"]
    with pytest.raises(StoreError, match="ongeldig"):
        FolderStore(root).get("rec-huge")


def test_cli_recordings_json_stays_strict_json_with_a_nan_entry_in_the_store(
    services: Services, coach: User, clock: FakeClock, workspace_dir: Path, keyring_backend: MemoryKeyring
) -> None:
    services.people.add_employee("E1", "Anouk de Vries")
    services.people.assign(coach.id, "E1", date(2026, 1, 1))
    root = services.workspace.store_path
    add_recording(root, "rec-ok", clock.now - timedelta(days=1))
    add_recording(root, "rec-nan", clock.now - timedelta(days=1, hours=1))
    sidecar = next(root.rglob("rec-nan.json"))
    sidecar.write_text(sidecar.read_text().replace('"duration_s": 2.0', '"duration_s": NaN'))
    out, err = io.StringIO(), io.StringIO()
    code = main(
        ["recordings", "--workspace", str(workspace_dir), "--user", "marieke", "--password-stdin", "--json"],
        Io(
            stdin=io.StringIO(TEST_PASSWORD + "\n"),
            stdout=out,
            stderr=err,
            clock=clock,
            keyring_factory=lambda: keyring_backend,
        ),
    )
    assert code == 0

    def strict(constant: str) -> None:
        raise AssertionError(f"not JSON: {constant}")

    records = [json.loads(line, parse_constant=strict) for line in out.getvalue().splitlines()]
    assert [r["id"] for r in records] == ["rec-ok"]
    assert "1 onderdelen" in err.getvalue()
    log = (workspace_dir / "logs" / "nunrec.log").read_text(encoding="utf-8")
    assert "rec-nan.json (unreadable JSON (NaN is not a JSON number))" in log


# -- erasure re-checks at the moment of deletion --------------------------------------------------------


class _SwappingStore(FolderStore):
    """Replaces the audio with a link to a file outside the store right after the entry was checked: the
    race a hostile store could win between the check and the unlink."""

    def __init__(self, root: Path, outside: Path) -> None:
        super().__init__(root)
        self.outside = outside

    def _locate(self, recording_id: str, *, require_audio: bool = True) -> Any:
        entry = super()._locate(recording_id, require_audio=require_audio)
        audio = next(self._root.rglob(f"{recording_id}.wav"))
        audio.unlink()
        audio.symlink_to(self.outside)
        return entry


@pytest.mark.skipif(not POSIX, reason="symlinks need POSIX rights here")
def test_delete_rechecks_the_files_at_the_moment_of_deletion(root: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.wav"
    outside.write_bytes(b"someone else's")
    with pytest.raises(StoreError, match="veranderd"):
        _SwappingStore(root, outside).delete("rec-good", "VZ-5")
    assert outside.read_bytes() == b"someone else's"
    assert next(root.rglob("rec-good.json")).exists()  # nothing deleted: IT looks first


def test_erasure_refuses_when_the_recording_changed_since_it_was_confirmed(
    services: Services, coach: User, it_user: User, clock: FakeClock
) -> None:
    services.people.add_employee("E1", "Anouk de Vries")
    services.people.assign(coach.id, "E1", date(2026, 1, 1))
    root = services.workspace.store_path
    add_recording(root, "rec-target", clock.now - timedelta(days=2), caller=CALLER)
    [candidate] = services.erasure.find(it_user, CALLER, clock.now - timedelta(days=2))
    sidecar = next(root.rglob("rec-target.json"))
    data = json.loads(sidecar.read_text())
    sidecar.write_text(json.dumps({**data, "employee_id": "E9", "duration_s": 99.0}))
    with pytest.raises(NunrecError, match="veranderd"):
        services.erasure.erase(it_user, "rec-target", "VZ-2026-030", confirmed=candidate)
    assert sidecar.exists() and services.erasure.erased_ids() == frozenset()
    sidecar.write_text(json.dumps(data))
    services.erasure.erase(it_user, "rec-target", "VZ-2026-031", confirmed=candidate)
    assert not list(root.rglob("rec-target.*"))


# -- hypothesis: random and hostile sidecars ------------------------------------------------------------

_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20,
)
_HOSTILE_NAMES = st.sampled_from(
    [
        "rec-h.wav",
        "/etc/passwd",
        "../outside.txt",
        "../../outside.txt",
        "..\\outside.txt",
        "C:\\x.wav",
        "C:x.wav",
        "rec-h.json",
        "recstore.json",
        "",
        ".",
        "..",
        "rec-h.wav/",
        "sub/rec-h.wav",
        "NUL",
        "rec-h.wav:ads",
        "rec-h.wav.",
        "rec-h.wav ",
        "\x00",
        "rec-h.WAV",
    ]
) | st.text(max_size=12)
_FILE_STEMS = st.sampled_from(["rec-h", "rec-good", "rec-h2", "Rec.1", "-x", ".hidden", "a b"]) | st.from_regex(
    r"\A[A-Za-z0-9._-]{1,12}\Z"
)


@st.composite
def _sidecars(draw: st.DrawFn) -> tuple[str, str, Any]:
    stem = draw(_FILE_STEMS)
    base: dict[str, Any] = {
        "id": draw(st.sampled_from([stem, "rec-good", "rec-h"]) | st.text(max_size=10)),
        "start": draw(
            st.sampled_from(["2026-11-20T08:00:00Z", "2026-11-20T08:00:00", "1900-01-01T00:00:00Z"])
            | st.text(max_size=25)
        ),
        "duration_s": draw(st.floats() | st.integers() | st.just(2.0)),
        "direction": draw(st.sampled_from(["inbound", "outbound", "sideways"])),
        "called_number": "+31341259911",
        "caller_number": draw(st.none() | st.just(CALLER) | _JSON),
        "employee_id": draw(st.just("E1") | _JSON),
        "audio": {
            "file": draw(_HOSTILE_NAMES),
            "format": "wav/alaw",
            "sample_rate": draw(st.just(8000) | st.integers() | _JSON),
            "channels": draw(st.just(2) | st.integers()),
            "channel_map": draw(st.just(["employee", "caller"]) | _JSON),
        },
    }
    if draw(st.booleans()):
        base["segments"] = draw(
            _JSON
            | st.lists(
                st.fixed_dictionaries(
                    {"employee_id": st.just("E1") | _JSON, "start_s": st.floats() | st.integers(), "end_s": st.floats()}
                )
            )
        )
    for key in draw(st.lists(st.sampled_from(sorted(base)), max_size=2)):
        base[key] = draw(_JSON)  # now and then a field of a random type
    body = draw(st.just(base) | _JSON)
    text = json.dumps(body)  # json.dumps writes NaN and Infinity: hostile on purpose
    if draw(st.booleans()):
        text = text[: draw(st.integers(0, len(text)))]  # truncated
    return stem, text, body


def _tree(root: Path) -> set[Path]:
    return set(root.rglob("*"))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_sidecars(), min_size=1, max_size=4))
def test_hypothesis_random_sidecars_never_break_or_escape_the_store(entries: list[tuple[str, str, Any]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        root = base / "store"
        add_recording(root, "rec-good", T0 - timedelta(hours=1))
        canary = base / "outside.txt"
        canary.write_text("keep")
        (base / "x.wav").write_text("keep")
        day = _day(root, T0 - timedelta(hours=1))
        for stem, text, _body in entries:
            (day / f"{stem}.json").write_text(text, encoding="utf-8")
            (day / f"{stem}.wav").write_bytes(b"RIFF-ish audio of " + stem.encode())
        store = FolderStore(root)
        items, skipped = store.scan_window(*WINDOW)
        real_root = root.resolve()
        for meta in items:
            assert math.isfinite(meta.duration_s) and 0 <= meta.duration_s <= 86_400
            assert meta.start.tzinfo is not None and 2000 <= meta.start.year < 2100
            assert meta.audio.file == f"{meta.id}.{meta.audio.file.rsplit('.', 1)[-1]}"
            assert (day / f"{meta.id}.json").is_file() and not (day / meta.audio.file).is_symlink()
            assert (day / meta.audio.file).resolve().is_relative_to(real_root)
            assert store.get(meta.id) == meta
            assert store.read_audio(meta.id) == (day / meta.audio.file).read_bytes()
        assert len({m.id for m in items}) == len(items)
        assert "rec-good" in {m.id for m in items} or any(s.where.endswith("rec-good.json") for s in skipped)
        ids = {m.id for m in items}
        candidates = (
            {str(body.get("id")) for _s, _t, body in entries if isinstance(body, dict)}
            | {s for s, _t, _b in entries}
            | {"rec-good"}
        )
        for rec_id in candidates:
            for call in (store.get, store.read_audio):
                try:
                    call(rec_id)
                except (RecordingGone, StoreError):
                    assert rec_id not in ids
        for rec_id in sorted(candidates):
            before = _tree(root)
            try:
                meta = store.get(rec_id)  # a valid sidecar whose audio is missing may still be deleted
            except (RecordingGone, StoreError):
                meta = None
            try:
                store.delete(rec_id, "VZ-H")
            except (RecordingGone, StoreError):
                assert _tree(root) == before
            else:
                assert meta is not None and meta.id == rec_id
                assert before - _tree(root) <= {day / f"{rec_id}.json", day / meta.audio.file}
                assert (day / f"{rec_id}.json") not in _tree(root)
        assert canary.read_text() == "keep" and (base / "x.wav").read_text() == "keep"
