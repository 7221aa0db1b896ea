"""The player: waveform with lanes, transport (play/pause, -5/+5 s, speed), lane volume and mute, marks.

Opening runs on the task runner (reading and decoding off the GUI thread). Every start of playback asks
the listening service, which asks the access policy and writes an audit entry. A steady ~30 Hz timer moves
the playhead. Without a sound device the player says so and still shows the waveform and marks. The marks
are a panel of their own (`ui.marks_panel`).

"Skip silences" (on by default, remembered per coach in `ui.layout_memory`) hands the holds to the engine once
the measures are ready, and playing jumps over them; the waveform still shows them, and a click into a hold
plays it.

Long because opening (with the MP3 decoded in two steps), the transport and the
lanes' volume all act on the one playback engine and the one waveform; splitting them would pass the engine
around between widgets that each half own it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSlider,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from nunrec_desktop.domain import Mark, NunrecError
from nunrec_desktop.services.call_metrics import CallMetrics
from nunrec_desktop.services.listening import OpenedRecording
from nunrec_desktop.services.recordings import VisibleRecording
from nunrec_desktop.ui.flow_layout import FlowLayout, wrapping_row
from nunrec_desktop.ui.key_help import declare_keys
from nunrec_desktop.ui.layout_memory import LayoutMemory
from nunrec_desktop.ui.marks_panel import MarksPanel
from nunrec_desktop.ui.messages import for_reader
from nunrec_desktop.ui.tasks import TaskRunner
from nunrec_desktop.ui.waveform_view import WaveformView, format_time

if TYPE_CHECKING:
    from nunrec_desktop.services.listening import DecodedAudio

FRAME_MS = 33
SPEEDS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)
SKIP_HOLDS = "skip_holds"  # the coach's choice in `ui.layout_memory`


class PlayerDesk(Protocol):
    """What the player asks of the coach's desk (`services.coach_desk.CoachDesk`)."""

    def open_recording(self, recording_id: str) -> OpenedRecording: ...

    def before_playback(self, opened: OpenedRecording) -> None: ...


class SoundOutput(Protocol):
    """Whether the engine's output can sound here, and if not, why (a Dutch sentence for the coach)."""

    @property
    def available(self) -> bool: ...

    @property
    def reason(self) -> str: ...


class Playback(Protocol):
    """The playback engine as the player drives it. The page never builds one: it asks the factory the entry
    hands in (`app.Services.player`: `adapters.audio.playback.PlaybackEngine` over the sound card, or over a
    clock in tests), so no screen imports an audio adapter (a contract in pyproject.toml)."""

    on_start: Callable[[], None]

    @property
    def output(self) -> SoundOutput: ...

    @property
    def duration_s(self) -> float: ...

    @property
    def position_s(self) -> float: ...

    @property
    def playing(self) -> bool: ...

    def nearest_playable(self, seconds: float) -> float | None: ...

    def advance(self) -> None: ...

    def play(self) -> None: ...

    def pause(self) -> None: ...

    def seek(self, seconds: float) -> None: ...

    def replace_audio(self, audio: DecodedAudio) -> None: ...

    def set_speed(self, speed: float) -> None: ...

    def set_skipped(self, ranges: Sequence[tuple[float, float]]) -> None: ...

    def set_volume(self, channel: int, volume: float) -> None: ...

    def set_muted(self, channel: int, muted: bool) -> None: ...


PlayerFactory = Callable[[OpenedRecording], Playback]


class PlayerPage(QWidget):
    opened = Signal(object, object)  # OpenedRecording, VisibleRecording
    measured = Signal(object)  # OpenedRecording, now with its measures (after the waveform is on screen)
    marks_changed = Signal()

    def __init__(
        self,
        desk: PlayerDesk,
        player_factory: PlayerFactory,
        tasks: TaskRunner,
        parent: QWidget | None = None,
        memory: LayoutMemory | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("playerPage")
        self._memory = memory
        self._desk = desk
        self._player_factory = player_factory
        self._tasks = tasks
        self.engine: Playback | None = None
        self.recording: OpenedRecording | None = None
        self.visible: VisibleRecording | None = None
        self.loading = False
        self.decoding = False  # the first view is there; the rest of the file is still being decoded
        self.measuring = False  # the waveform is there; the measures are still being computed
        self._decoding_for: OpenedRecording | None = None
        self._anonymous: str | None = None  # stands for the employee of a call opened unnamed
        self._own_names: dict[str, str] = {}
        self._info_base = ""
        self.blocked_reason = ""  # why a part is not played, when the page that embeds the player knows better

        self.title = QLabel(self.tr("Player"), self)
        self.title.setObjectName("areaTitle")
        self.info = QLabel(self.tr("Open a recording from the list (double-click or Enter)."), self)
        self.info.setObjectName("areaSubtitle")
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setMaximumHeight(6)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.error_banner = QLabel(self)
        self.error_banner.setObjectName("errorBannerText")
        self.error_banner.setWordWrap(True)
        self.error_banner.hide()
        self.notice = QLabel(self)
        self.notice.setObjectName("noticeBanner")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.blocked_notice = QLabel(self)  # why a seek did not land where it was asked
        self.blocked_notice.setObjectName("noticeBanner")
        self.blocked_notice.setWordWrap(True)
        self.blocked_notice.hide()

        self.waveform = WaveformView(self)
        self.waveform.seek_requested.connect(self.seek)
        self.waveform.setAccessibleName(self.tr("Waveform: no call opened"))
        declare_keys(
            self.waveform,
            [("+", self.tr("Zoom in")), ("-", self.tr("Zoom out")), ("0", self.tr("Whole call"))],
        )
        self._spoken_second = -1

        self.back_button = QPushButton(self.tr("-5 s"), self)
        self.play_button = QPushButton(self.tr("Play"), self)
        self.play_button.setObjectName("playButton")
        self.forward_button = QPushButton(self.tr("+5 s"), self)
        self.time_label = QLabel("0:00 / 0:00", self)
        self.time_label.setObjectName("timeLabel")
        self.speed = QComboBox(self)
        for value in SPEEDS:
            self.speed.addItem(f"{value:g}×".replace(".", ","), value)  # noqa: RUF001 - the multiplication sign
        self.speed.setCurrentIndex(SPEEDS.index(1.0))
        self.speed.setAccessibleName(self.tr("Speed"))
        self.zoom_in_button = QPushButton(self.tr("Zoom in"), self)
        self.zoom_out_button = QPushButton(self.tr("Zoom out"), self)
        self.whole_button = QPushButton(self.tr("Whole call"), self)
        self.skip_holds = QCheckBox(self.tr("Skip silences"), self)
        self.skip_holds.setObjectName("skipHoldsToggle")
        self.skip_holds.setToolTip(
            self.tr(
                "While playing, jump over the silences (nobody speaks; hold music counts as silence). "
                "Click into a silence to hear it anyway."
            )
        )
        remembered = memory.flag(SKIP_HOLDS) if memory is not None else None
        self.skip_holds.setChecked(True if remembered is None else remembered)
        self.skip_holds.toggled.connect(self._skip_holds_toggled)
        self.back_button.clicked.connect(lambda: self.skip(-5))
        self.forward_button.clicked.connect(lambda: self.skip(5))
        self.play_button.clicked.connect(self.toggle)
        self.speed.currentIndexChanged.connect(self._speed_changed)
        self.zoom_in_button.clicked.connect(lambda: self.waveform.zoom(0.5))
        self.zoom_out_button.clicked.connect(lambda: self.waveform.zoom(2.0))
        self.whole_button.clicked.connect(self.waveform.show_all)

        speed_label = QLabel(self.tr("Speed"), self)
        speed_label.setBuddy(self.speed)
        # One row that wraps on a narrow window (the form beside the player keeps its width).
        transport = wrapping_row(
            self,
            self.back_button,
            self.play_button,
            self.forward_button,
            self.time_label,
            speed_label,
            self.speed,
            self.zoom_out_button,
            self.zoom_in_button,
            self.whole_button,
            self.skip_holds,
        )

        self.measures_line = QLabel(self)
        self.measures_line.setObjectName("measuresLine")
        self.measures_line.setWordWrap(True)
        self.measures_line.hide()

        self.lanes_row = QWidget(self)
        lanes_policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        lanes_policy.setHeightForWidth(True)
        self.lanes_row.setSizePolicy(lanes_policy)
        self.lanes_box = FlowLayout(self.lanes_row, spacing=24)
        self.lane_controls: list[tuple[QSlider, QCheckBox]] = []

        # Marks: the marks panel keeps them, their notes and whether they may change (`ui.marks_panel`).
        self.marks_panel = MarksPanel(self)
        self.marks_panel.marks_changed.connect(self.marks_changed)
        self.marks_panel.seek_requested.connect(self.seek)
        self.marks_panel.shown.connect(self.waveform.set_marks)
        self.marks_panel.note_done.connect(self.waveform.setFocus)
        self.marks_panel.refused.connect(self._say_at_waveform)
        self.mark_list = self.marks_panel.list
        self.mark_note = self.marks_panel.note
        self.mark_note_label = self.marks_panel.note_label
        self.mark_button = self.marks_panel.mark_button
        self.delete_mark_button = self.marks_panel.delete_button
        self.marks_notice = self.marks_panel.notice
        self.mark_button.clicked.connect(self.add_mark)

        # Messages have their own place under the title: one appearing never moves the waveform or buttons.
        self.messages = QWidget(self)
        self.messages.setObjectName("playerMessages")
        messages_layout = QVBoxLayout(self.messages)
        messages_layout.setContentsMargins(0, 0, 0, 0)
        messages_layout.setSpacing(4)
        for label in (self.progress, self.error_banner, self.notice):  # these appear when a call opens
            messages_layout.addWidget(label)
        # Why a seek landed elsewhere appears while the coach works: its place is kept (under the transport
        # row) for a call with parts that are not played, so it never moves what is under the mouse.
        self.blocked_place = QWidget(self)
        blocked_layout = QVBoxLayout(self.blocked_place)
        blocked_layout.setContentsMargins(0, 0, 0, 0)
        blocked_layout.addWidget(self.blocked_notice)
        self.blocked_place.hide()

        content = QWidget(self)
        content.setObjectName("playerContent")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(24, 20, 16, 16)
        self.content_layout = layout  # a page that embeds the player may narrow its margins
        layout.setSpacing(10)
        self.title_row = QHBoxLayout()  # the title, and on the right the choice where the form goes
        self.title_row.addWidget(self.title)
        self.title_row.addStretch(1)
        layout.addLayout(self.title_row)
        self.info.setWordWrap(True)
        layout.addWidget(self.info)
        layout.addWidget(self.messages)
        layout.addWidget(self.waveform, 1)
        layout.addWidget(transport)
        layout.addWidget(self.blocked_place)
        layout.addWidget(self.measures_line)
        layout.addWidget(self.lanes_row)
        layout.addWidget(self.marks_panel)
        scroll = QScrollArea(self)  # on a low screen the page scrolls vertically, never sideways
        scroll.setObjectName("playerScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.scroll_area = scroll

        self._timer = QTimer(self)
        self._timer.setInterval(FRAME_MS)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._tick)

        for keys, action, description in (
            (Qt.Key.Key_Space, self.toggle, self.tr("Play or pause")),
            (Qt.Key.Key_Left, lambda: self.skip(-5), self.tr("5 seconds back")),
            (Qt.Key.Key_Right, lambda: self.skip(5), self.tr("5 seconds forward")),
            (Qt.Key.Key_M, self.add_mark, self.tr("Mark this moment")),
            (Qt.Key.Key_Period, self.next_mark, self.tr("Next mark")),
            (Qt.Key.Key_Comma, self.previous_mark, self.tr("Previous mark")),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.setWhatsThis(description)  # F1 lists the page's shortcuts with this text (ui.key_help)
            shortcut.activated.connect(action)
        self._set_controls_enabled(False)

    # -- opening -----------------------------------------------------------------------------------

    def open_recording(self, recording: VisibleRecording) -> None:
        self.visible = recording
        self._anonymous = None
        self._own_names = dict(zip(recording.employee_ids, recording.employee_names.split(", "), strict=False))
        self._begin(recording.employee_names, recording.start, recording.duration_s)
        self._tasks.run(lambda: self._desk.open_recording(recording.id), self._opened, self._failed, owner=self)

    def open_unnamed(
        self, stand_in: str, start: datetime, duration_s: float, work: Callable[[], OpenedRecording]
    ) -> None:
        """A call whose employee is not named to this user (a calibration's shared call): `stand_in` stands
        wherever the employee's name would (info line, lane of their part, the waveform's spoken name), and
        `work` opens it through the desk, off the GUI thread."""
        self.visible = None
        self._anonymous = stand_in
        self._own_names = {}
        self._begin(stand_in, start, duration_s)
        self._tasks.run(work, self._opened, self._failed, owner=self)

    def _begin(self, who: str, start: datetime, duration_s: float) -> None:
        self.stop()
        self.loading = True
        self.decoding, self._decoding_for = False, None
        self.measuring = False
        self.progress.show()
        self.error_banner.hide()
        self.notice.hide()
        local = start.astimezone()
        self.info.setText(
            self.tr("%1 - call of %2, %3 - loading...")
            .replace("%1", who)
            .replace("%2", f"{local.day:02d}-{local.month:02d}-{local.year} {local.hour:02d}:{local.minute:02d}")
            .replace("%3", format_time(duration_s))
        )
        self._info_base = self.info.text().rsplit(" - ", 1)[0]

    def _opened(self, opened: OpenedRecording) -> None:
        self.loading = False
        self.progress.hide()
        self.info.setText(self._info_base)
        self.recording = opened
        self._spoken_second = -1
        self.engine = self._player_factory(opened)
        output = self.engine.output
        self.engine.on_start = lambda: self._desk.before_playback(opened)
        names = {"employee": self.tr("Employee"), "caller": self.tr("Caller"), "mixed": self.tr("Call")}
        for segment in opened.segments:
            own = self._own_names.get(segment.employee_id)
            if own is None and self._anonymous is not None and segment.employee_id == opened.only_employee:
                own = self._anonymous  # the unnamed employee's own part: never their id or name
            names[f"segment:{segment.employee_id}"] = own or self.tr("Other employee")
        self.waveform.set_recording(opened, names)
        self.waveform.set_blocked_ranges(list(opened.blocked()))
        self.blocked_notice.hide()
        self.blocked_place.setVisible(bool(opened.blocked()))
        self.blocked_place.setMinimumHeight(3 * self.fontMetrics().height() + 20 if opened.blocked() else 0)
        if opened.blocked():
            self.engine.seek(self.engine.nearest_playable(0.0) or 0.0)
        self._show_measures(opened.metrics)
        self.marks_panel.set_marks([])
        self._build_lane_controls(opened, names)
        notices = []
        if not opened.complete:
            notices.append(
                self.tr("This recording is incomplete: the audio lasts %1, the recording should last %2.")
                .replace("%1", format_time(opened.audio.duration_s))
                .replace("%2", format_time(opened.expected_duration_s))
            )
        if not output.available:
            notices.append(output.reason)
        self.notice.setText("\n".join(notices))
        self.notice.setVisible(bool(notices))
        self._set_controls_enabled(True)
        self.play_button.setEnabled(output.available)
        self._update_time()
        self.waveform.setFocus()
        if opened.decoding:  # an MP3's first minute is on screen; the whole is decoded while the player works
            self.decoding, self._decoding_for = True, opened
            self.info.setText(self.tr("%1 - the rest of the call is loading...").replace("%1", self._info_base))
            self._tasks.run(opened.finish_decoding, self._decoded, self._decode_failed, owner=self)
        elif opened.metrics is None:  # the waveform is painted first; the measures follow when ready
            self.measuring = True
            self._tasks.run(opened.measured, self._measured, self._measure_failed, owner=self)
        self.opened.emit(opened, self.visible)

    def _measured(self, full: OpenedRecording) -> None:
        if self.recording is None or self.recording.recording_id != full.recording_id or self.recording.metrics:
            return  # another recording was opened in the meantime
        self.measuring = False
        self.recording = full
        self.waveform.set_metrics(full.metrics)
        self._show_measures(full.metrics)
        self.measured.emit(full)

    def _measure_failed(self, _error: Exception) -> None:
        self.measuring = False  # the player works without the measures; the line of measures stays hidden

    def _decoded(self, full: OpenedRecording) -> None:
        partial, self._decoding_for = self._decoding_for, None
        if partial is None or self.recording is not partial or self.engine is None:
            return  # another recording was opened in the meantime
        self.decoding = False
        self.recording = full
        self.engine.replace_audio(full.audio)
        self.waveform.replace_recording(full)
        self._show_measures(full.metrics)
        self.measured.emit(full)
        self.info.setText(self._info_base)
        if not full.complete:
            self.notice.setText(
                self.tr("This recording is incomplete: the audio lasts %1, the recording should last %2.")
                .replace("%1", format_time(full.audio.duration_s))
                .replace("%2", format_time(full.expected_duration_s))
            )
            self.notice.show()
        self._update_time()

    def _decode_failed(self, error: Exception) -> None:
        if self._decoding_for is None or self.recording is not self._decoding_for:
            return
        self._decoding_for = None
        self.decoding = False
        self.info.setText(self._info_base)
        self.error_banner.setText(
            for_reader(error)
            if isinstance(error, NunrecError)
            else self.tr("The recording could not be opened because of an unexpected error (%1).").replace(
                "%1", type(error).__name__
            )
        )
        self.error_banner.show()

    def _failed(self, error: Exception) -> None:
        self.loading = False
        self.progress.hide()
        text = (
            for_reader(error)
            if isinstance(error, NunrecError)
            else self.tr("The recording could not be opened because of an unexpected error (%1).").replace(
                "%1", type(error).__name__
            )
        )
        self.error_banner.setText(text)
        self.error_banner.show()
        self.info.setText(self._info_base)

    def _show_measures(self, metrics: CallMetrics | None) -> None:
        """One compact line of the manner-of-conversation measures: context for the coach, never a score."""
        self.measures_line.setVisible(metrics is not None)
        self._hand_skipped_holds()
        if metrics is None:
            return
        self.measures_line.setText(self.measures_text(metrics))
        self.measures_line.setToolTip(
            self.tr(
                "Measured from the sound only (who speaks when), not from what is said. Context for the "
                "conversation with the employee, not a score. Holds and overlaps are marked under the lanes: "
                "click one to go there."
            )
        )

    def measures_text(self, metrics: CallMetrics) -> str:
        holds = [end - start for start, end in metrics.silences]
        if not holds:
            silence = self.tr("no silences")
        elif len(holds) == 1:
            silence = self.tr("1 silence (%1)").replace("%1", format_time(round(holds[0])))
        else:
            silence = (
                self.tr("%1 silences, %3 in all (longest %2)")
                .replace("%1", str(len(holds)))
                .replace("%2", format_time(round(max(holds))))
                .replace("%3", format_time(round(sum(holds))))
            )
        if metrics.talk_share is None or metrics.overlaps is None:
            if metrics.two_sided:
                return self.tr("Nobody speaks in this recording") + " · " + silence
            return silence + " · " + self.tr("talk time and overlaps need a stereo recording")
        employee_percent = round(100 * metrics.talk_share["employee"])
        share = (
            self.tr("Talk time employee %1 % - caller %2 %")
            .replace("%1", str(employee_percent))
            .replace("%2", str(100 - employee_percent))
        )
        count = len(metrics.overlaps)
        overlap = (
            self.tr("never at the same time")
            if count == 0
            else self.tr("%1 times at the same time").replace("%1", str(count))
            if count > 1
            else self.tr("once at the same time")
        )
        return " · ".join((share, silence, overlap))

    def _build_lane_controls(self, opened: OpenedRecording, names: dict[str, str]) -> None:
        while self.lanes_box.count():
            item = self.lanes_box.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.lane_controls = []
        for channel in range(opened.audio.channels):
            lane = opened.lanes[channel]
            group = QWidget(self.lanes_row)
            row = QHBoxLayout(group)
            row.setContentsMargins(0, 0, 0, 0)
            label = QLabel(names.get(lane, lane), group)
            slider = QSlider(Qt.Orientation.Horizontal, group)
            slider.setRange(0, 100)
            slider.setValue(100)
            slider.setFixedWidth(120)
            slider.setAccessibleName(self.tr("Volume %1").replace("%1", names.get(lane, lane)))
            mute = QCheckBox(self.tr("Mute"), group)
            mute.setAccessibleName(self.tr("Mute %1").replace("%1", names.get(lane, lane)))
            slider.valueChanged.connect(lambda value, c=channel: self._set_volume(c, value / 100))
            mute.toggled.connect(lambda on, c=channel: self._set_muted(c, on))
            for widget in (label, slider, mute):
                row.addWidget(widget)
            self.lanes_box.addWidget(group)
            self.lane_controls.append((slider, mute))
        self.lanes_row.updateGeometry()

    # -- transport ---------------------------------------------------------------------------------

    def toggle(self) -> None:
        if self.engine is None:
            return
        if self.engine.playing:
            self.pause()
            return
        try:
            self.engine.play()
        except NunrecError as error:
            self.error_banner.setText(for_reader(error))
            self.error_banner.show()
            return
        self.play_button.setText(self.tr("Pause"))
        self._timer.start()

    def pause(self) -> None:
        if self.engine is not None:
            self.engine.pause()
        self._timer.stop()
        self.play_button.setText(self.tr("Play"))
        self._update_time()

    def stop(self) -> None:
        """Stop playback (also on lock and sign-out)."""
        self.pause()

    def seek(self, seconds: float) -> None:
        """Move the playhead; into a part that is not played it moves to the nearest part that is, and says why."""
        if self.engine is None:
            return
        seconds = min(max(0.0, seconds), self.engine.duration_s)
        target = self.engine.nearest_playable(seconds)
        if target != seconds:
            self.blocked_notice.setText(
                (
                    self.blocked_reason
                    or self.tr(
                        "This part of the call was answered by an employee you do not coach, so it is not played. "
                        "The player went to the nearest part you may listen to."
                    )
                )
                if target is not None
                else self.tr("No part of this call may be played for you.")
            )
            self.blocked_notice.show()
        else:
            self.blocked_notice.hide()
        if target is not None:
            self.engine.seek(target)
        self._update_time()

    def skip(self, delta: float) -> None:
        if self.engine is not None:
            self.seek(self.engine.position_s + delta)

    def _speed_changed(self) -> None:
        if self.engine is not None:
            self.engine.set_speed(float(self.speed.currentData()))

    def _skip_holds_toggled(self, on: bool) -> None:
        if self._memory is not None:
            self._memory.set_flag(SKIP_HOLDS, on)
        self._hand_skipped_holds()

    def _hand_skipped_holds(self) -> None:
        """The engine skips the holds while playing once they are measured, when the coach wants that."""
        if self.engine is None:
            return
        metrics = self.recording.metrics if self.recording is not None else None
        holds = metrics.silences if metrics is not None and self.skip_holds.isChecked() else ()
        self.engine.set_skipped(holds)

    def _set_volume(self, channel: int, volume: float) -> None:
        if self.engine is not None:
            self.engine.set_volume(channel, volume)

    def _set_muted(self, channel: int, muted: bool) -> None:
        if self.engine is not None:
            self.engine.set_muted(channel, muted)

    def _tick(self) -> None:
        if self.engine is None:
            return
        self.engine.advance()
        self._update_time()
        if not self.engine.playing:
            self.pause()

    def _update_time(self) -> None:
        if self.engine is None:
            return
        position = self.engine.position_s
        self.waveform.set_playhead(position)
        if round(position) != self._spoken_second:  # what a screen reader says: the call and where it is
            self._spoken_second = round(position)
            self.waveform.setAccessibleName(
                self.tr("Waveform of %1, at %2 of %3")
                .replace("%1", self._info_base)
                .replace("%2", format_time(position))
                .replace("%3", format_time(self.engine.duration_s))
            )
        self.time_label.setText(f"{format_time(position, precise=True)} / {format_time(self.engine.duration_s)}")

    # -- marks (the panel keeps them) ---------------------------------------------------------------

    @property
    def marks(self) -> list[Mark]:
        return self.marks_panel.marks

    def add_mark(self) -> None:
        """M: a mark at the playhead; the focus goes to its note (Enter keeps the note, Esc leaves it bare)."""
        if self.engine is not None:
            self.marks_panel.add_mark(self.engine.position_s)

    def set_marks(self, marks: list[Mark]) -> None:
        """Marks kept with the evaluation of this call (restored when a draft is reopened)."""
        self.marks_panel.set_marks(marks)

    def set_marks_editable(self, editable: bool, reason: str = "") -> None:
        self.marks_panel.set_editable(editable, reason)

    def marks_editable(self) -> bool:
        return self.marks_panel.editable()

    def editing_mark(self) -> int | None:
        return self.marks_panel.editing()

    def delete_selected_mark(self) -> None:
        self.marks_panel.delete_selected()

    def edit_selected_mark(self) -> None:
        self.marks_panel.edit_selected()

    def next_mark(self) -> None:
        self._jump_to_mark(+1)

    def previous_mark(self) -> None:
        self._jump_to_mark(-1)

    def _jump_to_mark(self, direction: int) -> None:
        if self.engine is not None:
            self.marks_panel.jump(self.engine.position_s, direction)

    def _say_at_waveform(self, text: str) -> None:
        """Why M did nothing, where the coach looks (the waveform); the panel keeps it under the marks too."""
        self.scroll_area.ensureWidgetVisible(self.marks_notice)
        QToolTip.showText(
            self.waveform.mapToGlobal(QPoint(self.waveform.width() // 3, self.waveform.height() // 3)),
            text,
            self.waveform,
        )

    def _set_controls_enabled(self, enabled: bool) -> None:
        for widget in (
            self.back_button,
            self.play_button,
            self.forward_button,
            self.speed,
            self.zoom_in_button,
            self.zoom_out_button,
            self.whole_button,
        ):
            widget.setEnabled(enabled)
        self.marks_panel.set_loaded(enabled)
