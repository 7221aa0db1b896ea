"""Opening a recording to listen to: access check, audio into memory, decoding, summaries, completeness.

Every open and every start of playback is decided by the access policy and audited with the recording id
and the purpose. Of a transferred call, the parts answered by an employee this user may not hear are
silenced before the audio leaves this module, and `OpenedRecording.playable` says which parts remain.
The audio bytes never touch the disk; what the UI receives holds no caller data.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from nunrec_desktop.adapters.audio.decode import (
    FIRST_VIEW_S,
    AudioLimits,
    Loaded,
    WaveformSummary,
    is_complete,
    load,
)
from nunrec_desktop.adapters.audio.decode import DecodedAudio as DecodedAudio  # the screens' name for the audio
from nunrec_desktop.adapters.audio.playback import complement, silence_outside
from nunrec_desktop.adapters.store.base import (
    RecordingGone,
    RecordingMeta,
    RecordingStore,
    Segment,
    StoreError,
)
from nunrec_desktop.domain import User
from nunrec_desktop.services.access import CalibrationAccess
from nunrec_desktop.services.call_metrics import CallMetrics, channels_of, counting_only, measure
from nunrec_desktop.services.recordings import RecordingCatalog

PURPOSE_COACHING = "coaching"
PURPOSE_WITH_EMPLOYEE = "terugluisteren met medewerker"
LANE_NAMES = {"employee": "Medewerker", "caller": "Beller", "mixed": "Gesprek"}


@dataclass(frozen=True)
class OpenedRecording:
    recording_id: str
    start: datetime
    expected_duration_s: float
    employee_id: str
    segments: tuple[Segment, ...]
    lanes: tuple[str, ...]  # per channel: "employee", "caller" or "mixed" (from the metadata's channel map)
    audio: DecodedAudio
    summary: WaveformSummary
    complete: bool
    purpose: str
    _meta: RecordingMeta
    # The parts (seconds) this user may hear; elsewhere the audio is silence (another employee's part of a
    # transferred call). Computed by the catalog from the access policy.
    playable: tuple[tuple[float, float], ...]
    only_employee: str | None = None
    metrics: CallMetrics | None = None  # manner-of-conversation measures: `measured()` computes them
    # Set when a participant opened a calibration's shared call (purpose "kalibratie"): every start of
    # playback is decided again on the calibration's facts as they are then (`before_playback`).
    calibration: CalibrationAccess | None = None

    def blocked(self) -> tuple[tuple[float, float], ...]:
        """The parts that are not played (the complement of `playable` over the audio)."""
        return complement(self.playable, self.audio.duration_s)

    def lane_label(self, channel: int) -> str:
        return LANE_NAMES.get(self.lanes[channel], self.lanes[channel]) if channel < len(self.lanes) else ""

    @property
    def decoding(self) -> bool:
        """Only the first part is decoded yet (an MP3's first minute); `finish_decoding` decodes the whole."""
        return self.audio.rest is not None

    def measured(self) -> OpenedRecording:
        """The same recording with its measures (off the GUI thread, after the waveform is on screen); an
        MP3 still decoding gets them from `finish_decoding` instead."""
        if self.metrics is not None or self.audio.rest is not None:
            return self
        return dataclasses.replace(self, metrics=call_metrics(self.audio, self.lanes, self.playable))

    def finish_decoding(self) -> OpenedRecording:
        """Decode the whole file (off the GUI thread); the same recording, complete. No new access check:
        this finishes the open that was allowed and audited."""
        if self.audio.rest is None:
            return self
        loaded = self.audio.rest.run()
        return dataclasses.replace(
            self,
            audio=loaded.audio,
            summary=loaded.summary,
            complete=is_complete(loaded.audio.duration_s, self.expected_duration_s),
            metrics=call_metrics(loaded.audio, self.lanes, self.playable),
        )


class ListeningService:
    def __init__(
        self,
        catalog: RecordingCatalog,
        store: Callable[[], RecordingStore],
        limits: AudioLimits | None = None,
        first_view_s: float | None = FIRST_VIEW_S,
    ) -> None:
        self._catalog = catalog
        self._store = store
        self._limits = limits or AudioLimits()
        self._first_view_s = first_view_s

    def open(
        self,
        user: User,
        recording_id: str,
        purpose: str = PURPOSE_COACHING,
        only_employee: str | None = None,
        calibration: CalibrationAccess | None = None,
    ) -> OpenedRecording:
        """Check access (audited), read the audio into memory and decode it. Runs off the GUI thread.

        With `only_employee` (listening together with that employee, P4) only their own calls open. With
        `calibration` a participant hears a calibration's shared call (only that employee's part of it).
        """
        try:
            # The source is opened before the policy is asked: a folder store pins the very file (every folder
            # opened without following a link) and reads its sidecar again beside it, so the audit names the
            # employee of the file actually opened (`source.meta`) and the decoder reads from that file, never
            # from the path again. A portal fetches nothing until `read`, after the policy said yes.
            with self._store().audio_source(recording_id) as source:
                meta = self._catalog.open_for_coach(
                    user,
                    recording_id,
                    purpose,
                    only_employee=only_employee,
                    checked=source.meta,
                    calibration=calibration,
                )
                data = source.read(meta, self._limits)  # checked against the metadata's SHA-256 where it has one
                loaded = load(data, recording_id, self._limits, first_view_s=self._first_view_s)
        except FileNotFoundError:
            raise RecordingGone(f"Het geluid van opname {recording_id} ontbreekt in de opnamemap.") from None
        except OSError as error:
            reason = error.strerror or error
            raise StoreError(f"Het geluid van opname {recording_id} is niet leesbaar: {reason}") from error
        audio = loaded.audio
        playable = self._catalog.playable_for(
            user, meta, max(audio.duration_s, meta.duration_s), only_employee, calibration
        )
        if complement(sorted(playable), max(audio.duration_s, meta.duration_s)):
            # Another employee's part never reaches the player, not even as a waveform: such a call opens
            # whole (an MP3's rest would refill the silenced part), silenced, and summarised again.
            if audio.rest is not None:
                loaded = audio.rest.run()
            whole_s = max(loaded.audio.duration_s, meta.duration_s)
            playable = self._catalog.playable_for(user, meta, whole_s, only_employee, calibration)
            audio = silence_outside(loaded.audio, playable)
            loaded = Loaded(audio, WaveformSummary.build(audio.samples))
        channel_map = meta.audio.channel_map
        if len(channel_map) != audio.channels:
            channel_map = ("mixed",) if audio.channels == 1 else tuple(f"kanaal {i + 1}" for i in range(audio.channels))
        return OpenedRecording(
            recording_id=recording_id,
            start=meta.start,
            expected_duration_s=meta.duration_s,
            employee_id=meta.employee_id,
            segments=meta.segments,
            lanes=tuple(channel_map),
            audio=audio,
            summary=loaded.summary,
            complete=is_complete(audio.duration_s, meta.duration_s) and not audio.truncated,
            purpose=purpose,
            _meta=dataclasses.replace(meta, caller_number=None),  # what reaches the UI holds no caller data
            playable=playable,
            only_employee=only_employee,
            # The measures come after the first paint (`measured`, off the GUI thread); an MP3 still decoding
            # is measured once it is whole (finish_decoding), not on its first minute.
            metrics=None,
            calibration=calibration,
        )

    def before_playback(
        self, user: User, opened: OpenedRecording, calibration: CalibrationAccess | None = None
    ) -> None:
        """Ask the policy again at every start of playback; raises AccessDenied when no longer allowed. A
        calibration's call is decided on `calibration` as read now (closed meanwhile: refused); without it, on
        what was read at the open."""
        now = calibration if calibration is not None else opened.calibration
        self._catalog.recheck_playback(user, opened._meta, opened.purpose, opened.only_employee, now)


def call_metrics(
    audio: DecodedAudio, lanes: tuple[str, ...], playable: tuple[tuple[float, float], ...] | None = None
) -> CallMetrics:
    """The measures with the recording's own channel map; without one a stereo call gives silences only.
    With `playable`, the parts silenced for this user (another employee's part of a transferred call) are
    not counted as silences."""
    channel_map = (lanes.index("employee"), lanes.index("caller")) if {"employee", "caller"} <= set(lanes) else None
    metrics = measure(channels_of(audio.samples, audio.channels), audio.sample_rate, channel_map)
    if playable is not None and complement(sorted(playable), audio.duration_s):
        metrics = counting_only(metrics, playable)
    return metrics
