"""Opening a recording to listen to: access check, audio into memory, decoding, summaries, completeness.

Every open and every start of playback is decided by the access policy and audited with the recording id
and the purpose. The audio bytes never touch the disk; what the UI receives holds no caller data.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from nunrec_desktop.domain import User
from nunrec_desktop.services.audio import DecodedAudio, WaveformSummary, decode, is_complete
from nunrec_desktop.services.call_metrics import CallMetrics, channels_of, measure
from nunrec_desktop.services.recordings import RecordingCatalog
from nunrec_desktop.services.store.base import RecordingMeta, RecordingStore, Segment

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
    only_employee: str | None = None
    metrics: CallMetrics | None = None  # manner-of-conversation measures, computed in the same background open

    def lane_label(self, channel: int) -> str:
        return LANE_NAMES.get(self.lanes[channel], self.lanes[channel]) if channel < len(self.lanes) else ""


class ListeningService:
    def __init__(self, catalog: RecordingCatalog, store: Callable[[], RecordingStore]) -> None:
        self._catalog = catalog
        self._store = store

    def open(
        self, user: User, recording_id: str, purpose: str = PURPOSE_COACHING, only_employee: str | None = None
    ) -> OpenedRecording:
        """Check access (audited), read the audio into memory and decode it. Runs off the GUI thread.

        With `only_employee` (listening together with that employee, P4) only their own calls open.
        """
        meta = self._catalog.open_for_coach(user, recording_id, purpose, only_employee=only_employee)
        audio = decode(self._store().read_audio(recording_id), recording_id)
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
            summary=WaveformSummary.build(audio.samples),
            complete=is_complete(audio.duration_s, meta.duration_s),
            purpose=purpose,
            _meta=dataclasses.replace(meta, caller_number=None),  # what reaches the UI holds no caller data
            only_employee=only_employee,
            metrics=call_metrics(audio, tuple(channel_map)),
        )

    def before_playback(self, user: User, opened: OpenedRecording) -> None:
        """Ask the policy again at every start of playback; raises AccessDenied when no longer allowed."""
        self._catalog.recheck_playback(user, opened._meta, opened.purpose, opened.only_employee)


def call_metrics(audio: DecodedAudio, lanes: tuple[str, ...]) -> CallMetrics:
    """The measures with the recording's own channel map; without one a stereo call gives silences only."""
    channel_map = (lanes.index("employee"), lanes.index("caller")) if {"employee", "caller"} <= set(lanes) else None
    return measure(channels_of(audio.samples, audio.channels), audio.sample_rate, channel_map)
