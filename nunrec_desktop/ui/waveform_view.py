"""The waveform: one lane per channel (Medewerker / Beller), segments of a transferred call, a time
ruler, marks, the played part, and the playhead.

After Sonic Visualiser: the static picture (lanes, min/max columns, ruler) is drawn once per size and zoom
into a cached pixmap, one min/max line per pixel column in a single drawLines call, from the summary level
nearest the zoom (raw samples when zoomed in to a few seconds). While playing, only the pixmap is blitted
and the playhead, played part and marks are drawn over it.

Long because the lanes, the call measures and the markers are drawn into one numpy raster in one pass (issue
23: a repaint within 8 ms); splitting the raster over widgets would cost the single blit it relies on.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QWheelEvent,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from nunrec_desktop.domain import call_time
from nunrec_desktop.services.call_metrics import CallMetrics
from nunrec_desktop.services.listening import OpenedRecording

RULER_HEIGHT = 24
LABEL_WIDTH = 118
MIN_SPAN_S = 2.0
LANE_COLOURS = {"employee": QColor("#0f6f7c"), "caller": QColor("#8a5a14"), "mixed": QColor("#3d4f8a")}
MEASURES_STRIP = 14  # the strip at the foot of the lanes with the holds and overlaps (click one to go there)
HOLD_COLOUR = QColor("#6d4fc2")
OVERLAP_COLOUR = QColor("#b8336a")
SPEECH_LANES = {"employee": "employee", "caller": "caller", "mixed": "mix"}
NICE_STEPS_S = (0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800)


def format_time(seconds: float, precise: bool = False) -> str:
    """A call's time as everywhere else (`domain.call_time`): m:ss, rounded; `precise` adds the tenth."""
    return call_time(seconds, tenths=precise)


def lane_order(lanes: tuple[str, ...], channels: int) -> list[int]:
    """The channels in the order their lanes are shown: the employee above the caller whatever the file's
    channel order (a recorder may put the caller first), the rest after them as they come."""
    rank = {"employee": 0, "caller": 1}
    return sorted(range(channels), key=lambda c: (rank.get(lanes[c], 2) if c < len(lanes) else 2, c))


_Markers = tuple[
    npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.float64], npt.NDArray[np.float64], npt.NDArray[np.int8]
]


def _spans_array(spans: tuple[tuple[float, float], ...] | None) -> npt.NDArray[np.float64]:
    """Spans (seconds) as an (n, 2) array sorted by start, for `np.searchsorted`."""
    if not spans:
        return np.zeros((0, 2), dtype=np.float64)
    return np.asarray(spans, dtype=np.float64).reshape(-1, 2)


def _visible(spans: npt.NDArray[np.float64], first_s: float, last_s: float) -> npt.NDArray[np.float64]:
    """Only the spans that reach into [first_s, last_s) (two binary searches: the rest is never touched).
    Spans are sorted and do not overlap, so their ends are sorted too."""
    lo = int(np.searchsorted(spans[:, 1], first_s, side="right"))
    hi = int(np.searchsorted(spans[:, 0], last_s, side="left"))
    return spans[lo : max(lo, hi)]


def _span_columns(
    spans: npt.NDArray[np.float64], first_s: float, last_s: float, width: int, minimum: int = 1
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """First and end (exclusive) pixel column of each span, at least `minimum` columns wide, clipped."""
    scale = width / max(last_s - first_s, 1e-9)
    c0 = np.floor((spans[:, 0] - first_s) * scale).astype(np.int64)
    c1 = np.ceil((spans[:, 1] - first_s) * scale).astype(np.int64)
    np.clip(c0, 0, width - 1, out=c0)
    c1 = np.minimum(np.maximum(c1, c0 + minimum), width)
    return c0, c1


def _column_mask(c0: npt.NDArray[np.int64], c1: npt.NDArray[np.int64], width: int) -> npt.NDArray[np.bool_]:
    """Per pixel column: is it inside one of the spans? (edges counted with bincount, then a cumulative sum)"""
    edges = np.bincount(c0, minlength=width + 1)[: width + 1] - np.bincount(c1, minlength=width + 1)[: width + 1]
    mask: npt.NDArray[np.bool_] = np.cumsum(edges[:width]) > 0
    return mask


def _blend(pixels: npt.NDArray[np.uint32], where: npt.NDArray[np.bool_], colour: QColor, alpha: int) -> None:
    """Paint `colour` at `alpha` (0-255) over `pixels` (opaque ARGB32) where `where` holds, in place."""
    if not where.any():
        return
    chosen = pixels[where]
    out = np.full(chosen.shape, 0xFF000000, dtype=np.uint32)
    for shift, value in ((16, colour.red()), (8, colour.green()), (0, colour.blue())):
        below = (chosen >> np.uint32(shift)) & np.uint32(0xFF)
        mixed = (below * np.uint32(255 - alpha) + np.uint32(value * alpha) + np.uint32(127)) // np.uint32(255)
        out |= mixed << np.uint32(shift)
    pixels[where] = out


def _lane_pixels(
    out: npt.NDArray[np.uint32],
    mins: npt.NDArray[np.int16],
    maxs: npt.NDArray[np.int16],
    ink_colour: npt.NDArray[np.uint32],
    background: npt.NDArray[np.uint32],
) -> npt.NDArray[np.bool_]:
    """One lane into `out` (its rows of the ARGB32 raster): per pixel column a vertical line from min to max,
    rasterised with numpy at once (faster than thousands of QPainter lines; see design.md), with a colour per
    column for the ink and for the background (where the measures shade it). Returns where the ink is."""
    height = out.shape[0]
    middle = height / 2
    scale = (height / 2 - 6) / 32768.0
    top = np.floor(middle - maxs.astype(np.float32) * scale).astype(np.int16)
    bottom = np.ceil(middle - mins.astype(np.float32) * scale).astype(np.int16)
    rows = np.arange(height, dtype=np.int16)[:, None]
    ink: npt.NDArray[np.bool_] = rows >= top[None, :]
    ink &= rows <= bottom[None, :]
    ink[int(middle), :] = True  # the centre line, so silence still shows the lane
    out[:] = background[None, :]
    np.copyto(out, ink_colour[None, :], where=ink)
    return ink


class WaveformView(QWidget):
    seek_requested = Signal(float)  # seconds
    view_changed = Signal(float, float)  # first and last second on screen

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("waveform")
        self.setMinimumHeight(220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(False)
        self._recording: OpenedRecording | None = None
        self._first = 0  # frames
        self._last = 0
        self._playhead = 0.0  # seconds
        self._marks: list[tuple[float, str]] = []  # seconds and note
        self._cache: QPixmap | None = None
        self._cache_key: tuple[int, int, int, int] | None = None
        self._lane_names: dict[str, str] = {}
        self._blocked: list[tuple[float, float]] = []  # seconds not played (another employee's part)
        self._metrics: CallMetrics | None = None
        self._span_arrays: dict[str, npt.NDArray[np.float64]] = {}  # the measures' spans, sorted (seconds)
        # The visible hold/overlap markers: first and end pixel column, start and end second, kind (0 hold)
        self._marker_columns: _Markers | None = None
        self.follow_playhead = True

    # -- content -----------------------------------------------------------------------------------

    def set_recording(self, recording: OpenedRecording | None, lane_names: dict[str, str] | None = None) -> None:
        self._recording = recording
        self._lane_names = lane_names or {}
        self._first, self._last = 0, recording.audio.frames if recording else 0
        self._playhead = 0.0
        self._marks = []
        self.set_metrics(recording.metrics if recording else None)

    def replace_recording(self, recording: OpenedRecording) -> None:
        """The same recording, now decoded in full: the view, playhead and marks stay."""
        self._recording = recording
        self.set_metrics(recording.metrics)
        frames = recording.audio.frames
        self._last = min(self._last, frames)
        self._first = min(self._first, max(0, self._last - 1))
        self._invalidate()

    def set_metrics(self, metrics: CallMetrics | None) -> None:
        """The measures, shown when they are ready (the waveform may be painted before they are computed)."""
        self._metrics = metrics
        self._span_arrays = {}
        if metrics is not None:
            self._span_arrays = {key: _spans_array(spans) for key, spans in metrics.speech.items()}
            self._span_arrays["holds"] = _spans_array(metrics.silences)
            self._span_arrays["overlaps"] = _spans_array(metrics.overlaps)
        self._invalidate()

    def set_marks(self, marks: list[tuple[float, str]]) -> None:
        """The coach's marks (seconds, note): drawn as numbered flags with the start of their note."""
        self._marks = list(marks)
        self.update()

    def mark_flags(self) -> list[tuple[QRectF, str]]:
        """Where each visible mark's flag is drawn and its label (for painting, and for tests)."""
        recording = self._recording
        if recording is None:
            return []
        rect = self._wave_rect()
        rate = recording.audio.sample_rate
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() - 1.5))
        fits = QFontMetrics(small)
        flags: list[tuple[QRectF, str]] = []
        row_ends = [float("-inf")] * 3  # flags close together go on the next row down
        height = fits.height() + 4
        for number, (at_s, note) in enumerate(self._marks, start=1):
            x = self._x_for_frame(at_s * rate)
            if not rect.left() <= x <= rect.right():
                continue
            label = fits.elidedText(f"{number} {note}".rstrip(), Qt.TextElideMode.ElideRight, 150)
            width = min(fits.horizontalAdvance(label) + 10, max(12.0, rect.right() - x))
            free = [r for r, end in enumerate(row_ends) if end < x]
            row = free[0] if free else min(range(len(row_ends)), key=lambda r: row_ends[r])
            row_ends[row] = x + width + 2
            flags.append((QRectF(x, rect.top() + row * (height + 1), width, height), label))
        return flags

    def set_blocked_ranges(self, ranges: list[tuple[float, float]]) -> None:
        """Parts that are not played (seconds): drawn greyed over every lane."""
        self._blocked = list(ranges)
        self.update()

    def _paint_blocked(self, painter: QPainter, rect: QRect, rate: int) -> None:
        grey = QColor("#9aa5ab")
        grey.setAlpha(150)
        for start, end in self._blocked:
            x0 = max(float(rect.left()), self._x_for_frame(start * rate))
            x1 = min(float(rect.right()), self._x_for_frame(end * rate))
            if x1 > x0:
                painter.fillRect(QRectF(x0, rect.top(), x1 - x0, rect.height()), grey)

    def set_playhead(self, seconds: float) -> None:
        if self._recording is None:
            return
        self._playhead = seconds
        rate = self._recording.audio.sample_rate
        frame = int(seconds * rate)
        span = self._last - self._first
        if self.follow_playhead and span < self._recording.audio.frames and not (self._first <= frame < self._last):
            self._set_view(frame - span // 10, frame - span // 10 + span)
        else:
            self.update()

    # -- zoom and pan ------------------------------------------------------------------------------

    def visible_seconds(self) -> tuple[float, float]:
        if self._recording is None:
            return 0.0, 0.0
        rate = self._recording.audio.sample_rate
        return self._first / rate, self._last / rate

    def zoom(self, factor: float, anchor_frame: int | None = None) -> None:
        """factor < 1 zooms in (fewer seconds on screen), > 1 zooms out; the anchor stays in place."""
        if self._recording is None:
            return
        frames = self._recording.audio.frames
        span = self._last - self._first
        minimum = min(frames, int(MIN_SPAN_S * self._recording.audio.sample_rate))
        new_span = int(min(frames, max(minimum, span * factor)))
        anchor = anchor_frame if anchor_frame is not None else int(self._playhead * self._recording.audio.sample_rate)
        anchor = min(max(anchor, self._first), self._last)
        ratio = (anchor - self._first) / span if span else 0.5
        first = int(anchor - ratio * new_span)
        self._set_view(first, first + new_span)

    def show_all(self) -> None:
        if self._recording is not None:
            self._set_view(0, self._recording.audio.frames)

    def _set_view(self, first: int, last: int) -> None:
        if self._recording is None:
            return
        frames = self._recording.audio.frames
        span = last - first
        first = min(max(0, first), frames - span)
        self._first, self._last = first, first + span
        self._invalidate()
        self.view_changed.emit(*self.visible_seconds())

    # -- geometry ----------------------------------------------------------------------------------

    def _wave_rect(self) -> QRect:
        return QRect(LABEL_WIDTH, 0, max(1, self.width() - LABEL_WIDTH), max(1, self.height() - RULER_HEIGHT))

    def _x_for_frame(self, frame: float) -> float:
        rect = self._wave_rect()
        span = max(1, self._last - self._first)
        return rect.left() + (frame - self._first) / span * rect.width()

    def _frame_for_x(self, x: float) -> int:
        rect = self._wave_rect()
        span = self._last - self._first
        return int(self._first + (x - rect.left()) / rect.width() * span)

    # -- painting ----------------------------------------------------------------------------------

    def _invalidate(self) -> None:
        self._cache = None
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        key = (self.width(), self.height(), self._first, self._last)
        if self._cache is None or self._cache_key != key:
            self._cache = self._render_static()
            self._cache_key = key
        painter.drawPixmap(0, 0, self._cache)
        if self._recording is not None:
            self._paint_dynamic(painter)
        painter.end()

    def _render_static(self) -> QPixmap:
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(int(self.width() * ratio), int(self.height() * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(QColor("#ffffff"))
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        recording = self._recording
        if recording is None:
            painter.setPen(QColor("#7d8a91"))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No recording opened"))
            painter.end()
            return pixmap
        rect = self._wave_rect()
        channels = recording.audio.channels
        lane_height = rect.height() / channels
        label_font = QFont(self.font())
        label_font.setBold(True)
        picture, pixels = self._wave_image(recording, rect)
        painter.drawImage(QPointF(rect.left(), rect.top()), picture)
        del picture, pixels  # the image borrowed the pixels until it was drawn
        for row, channel in enumerate(lane_order(recording.lanes, channels)):
            top = rect.top() + row * lane_height
            lane = recording.lanes[channel] if channel < len(recording.lanes) else "mixed"
            colour = LANE_COLOURS.get(lane, QColor("#3d4f8a"))
            painter.fillRect(QRectF(0, top, LABEL_WIDTH, lane_height), QColor("#f0f4f6"))
            painter.setPen(colour)
            painter.setFont(label_font)
            painter.drawText(
                QRectF(8, top, LABEL_WIDTH - 12, lane_height),
                Qt.AlignmentFlag.AlignVCenter,
                self._lane_names.get(lane, recording.lane_label(channel)),
            )
            painter.setPen(QColor("#d5dde2"))
            painter.drawLine(QPointF(rect.left(), top + lane_height), QPointF(rect.right(), top + lane_height))
        self._paint_loading(painter, rect)
        self._paint_segments(painter, rect)
        self._paint_measure_captions(painter, rect)
        self._paint_ruler(painter, rect)
        painter.end()
        return pixmap

    def _paint_loading(self, painter: QPainter, rect: QRect) -> None:
        """While an MP3 is still decoding: the part not yet decoded is veiled and says so."""
        recording = self._recording
        if recording is None:
            return
        ready = recording.summary.ready_frames
        if ready >= recording.audio.frames or ready >= self._last:
            return
        x0 = max(float(rect.left()), self._x_for_frame(ready))
        veil = QRectF(x0, rect.top(), rect.right() + 1 - x0, rect.height())
        painter.fillRect(veil, QColor(240, 244, 246, 235))
        painter.setPen(QColor("#5b6b74"))
        painter.drawText(veil, Qt.AlignmentFlag.AlignCenter, self.tr("Loading the rest of the call..."))

    def _paint_segments(self, painter: QPainter, rect: QRect) -> None:
        recording = self._recording
        if recording is None or not recording.segments:
            return
        rate = recording.audio.sample_rate
        painter.setPen(Qt.PenStyle.NoPen)
        for index, segment in enumerate(recording.segments):
            x0 = max(rect.left(), self._x_for_frame(segment.start_s * rate))
            x1 = min(rect.right(), self._x_for_frame(segment.end_s * rate))
            if x1 <= x0:
                continue
            colour = QColor("#0f7c8c") if index % 2 == 0 else QColor("#b5762a")
            colour.setAlpha(40)
            painter.fillRect(QRectF(x0, rect.top(), x1 - x0, 16), colour)
            painter.setPen(QColor("#33444d"))
            painter.drawText(
                QRectF(x0 + 4, rect.top(), x1 - x0 - 8, 16),
                Qt.AlignmentFlag.AlignVCenter,
                self._lane_names.get(f"segment:{segment.employee_id}", segment.employee_id),
            )
            painter.setPen(Qt.PenStyle.NoPen)

    # -- the call measures (speech per lane, holds, overlaps): in the same numpy raster as the lanes --------

    def _wave_image(self, recording: OpenedRecording, rect: QRect) -> tuple[QImage, npt.NDArray[np.uint32]]:
        """All lanes with the measures as one image: per pixel column the lane's ink and background colour,
        shaded where its side speaks, banded over holds and overlaps, and the markers in the strip at the
        foot. The measures become per-column masks from the span edges of the visible spans only. The image
        shares the returned pixels: keep them until it is drawn."""
        width, height = rect.width(), rect.height()
        channels = recording.audio.channels
        rate = recording.audio.sample_rate
        first_s, last_s = self._first / rate, self._last / rate
        bands = self._measure_columns(first_s, last_s, width)
        strip_top = height - MEASURES_STRIP
        image = np.empty((height, width), dtype=np.uint32)
        for row, channel in enumerate(lane_order(recording.lanes, channels)):
            top, bottom = round(row * height / channels), round((row + 1) * height / channels)
            lane = recording.lanes[channel] if channel < len(recording.lanes) else "mixed"
            colour = LANE_COLOURS.get(lane, QColor("#3d4f8a"))
            background = np.full(width, 0xFFFBFCFD if row % 2 == 1 else 0xFFFFFFFF, dtype=np.uint32)
            ink = np.full(width, colour.rgba() & 0xFFFFFFFF, dtype=np.uint32)
            speech = self._speech_columns(lane, first_s, last_s, width)
            if speech is not None:
                for pixels in (background, ink):
                    _blend(pixels, speech, colour, 34)
            plain = (background.copy(), ink.copy())
            for mask, band_colour in bands:
                for pixels in (background, ink):
                    _blend(pixels, mask, band_colour, 26)
            mins, maxs = recording.summary.columns(recording.audio.samples, channel, self._first, self._last, width)
            inked = _lane_pixels(image[top:bottom], mins, maxs, ink, background)
            if bottom > strip_top and bands:  # the strip at the foot is not banded: the markers go there
                rows = slice(max(top, strip_top), bottom)
                image[rows] = np.where(inked[rows.start - top :], plain[1][None, :], plain[0][None, :])
        markers = self._marker_columns
        if markers is not None:
            c0, c1, kinds = markers[0], markers[1], markers[4]
            for kind, colour in enumerate((HOLD_COLOUR, OVERLAP_COLOUR)):
                chosen = kinds == kind
                mask = _column_mask(c0[chosen], c1[chosen], width)
                image[strip_top + 2 : height - 1, mask] = np.uint32(colour.rgba() & 0xFFFFFFFF)
        picture = QImage(image.data, width, height, width * 4, QImage.Format.Format_RGB32)  # opaque: a plain copy
        return picture, image

    def _speech_columns(self, lane: str, first_s: float, last_s: float, width: int) -> npt.NDArray[np.bool_] | None:
        """Per pixel column: does this lane's side speak there?"""
        key = SPEECH_LANES.get(lane)
        spans = self._span_arrays.get(key or "")
        if spans is None:
            return None
        c0, c1 = _span_columns(_visible(spans, first_s, last_s), first_s, last_s, width)
        return _column_mask(c0, c1, width)

    def _measure_columns(self, first_s: float, last_s: float, width: int) -> list[tuple[npt.NDArray[np.bool_], QColor]]:
        """The band masks of holds and overlaps, and (kept for clicks and tooltips) the visible markers:
        first and end column, start and end second, and kind (0 hold, 1 overlap)."""
        self._marker_columns = None
        holds, overlaps = self._span_arrays.get("holds"), self._span_arrays.get("overlaps")
        if holds is None or overlaps is None:
            return []
        bands: list[tuple[npt.NDArray[np.bool_], QColor]] = []
        found = []
        for kind, (spans, colour) in enumerate(((holds, HOLD_COLOUR), (overlaps, OVERLAP_COLOUR))):
            visible = _visible(spans, first_s, last_s)
            c0, c1 = _span_columns(visible, first_s, last_s, width, minimum=3)
            bands.append((_column_mask(c0, c1, width), colour))
            found.append((c0, c1, visible[:, 0], visible[:, 1], np.full(len(c0), kind, dtype=np.int8)))
        self._marker_columns = tuple(np.concatenate(parts) for parts in zip(*found, strict=True))  # type: ignore[assignment]
        return bands

    def _marker_text(self, index: int) -> str:
        assert self._marker_columns is not None
        start, end = self._marker_columns[2][index], self._marker_columns[3][index]
        caption = self.tr("hold") if self._marker_columns[4][index] == 0 else self.tr("overlap")
        return f"{caption} {format_time(round(float(end) - float(start)))}"

    def _paint_measure_captions(self, painter: QPainter, rect: QRect) -> None:
        """The caption of each marker wide enough to hold it (few: only markers of 40 px or more are tried)."""
        markers = self._marker_columns
        if markers is None:
            return
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() - 2))
        painter.setFont(small)
        painter.setPen(QColor("#ffffff"))
        fits = QFontMetrics(small)
        top = rect.bottom() + 1 - MEASURES_STRIP + 2
        for index in np.flatnonzero(markers[1] - markers[0] >= 40):
            text = self._marker_text(int(index))
            x0, x1 = rect.left() + int(markers[0][index]), rect.left() + int(markers[1][index])
            if fits.horizontalAdvance(text) + 6 <= x1 - x0:
                box = QRectF(x0 + 4, top, x1 - x0 - 6, MEASURES_STRIP - 3)
                painter.drawText(box, Qt.AlignmentFlag.AlignVCenter, text)

    def measure_at(self, x: float, y: float) -> float | None:
        """The start (seconds) of the hold or overlap whose marker is at this point, if any."""
        index = self._measure_index(x, y)
        return None if index is None or self._marker_columns is None else float(self._marker_columns[2][index])

    def _measure_index(self, x: float, y: float) -> int | None:
        markers = self._marker_columns
        if markers is None or not len(markers[0]):
            return None
        rect = self._wave_rect()
        strip_top = rect.bottom() + 1 - MEASURES_STRIP
        if not strip_top <= y <= rect.bottom() + 1:
            return None
        column = x - rect.left()
        hit = np.flatnonzero((markers[0] - 3 <= column) & (column < markers[1] + 3))
        return int(hit[0]) if len(hit) else None

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self._measure_index(event.pos().x(), event.pos().y())  # QHelpEvent has pos(), not position()
            if index is not None:
                assert self._marker_columns is not None
                start = float(self._marker_columns[2][index])
                QToolTip.showText(
                    event.globalPos(),
                    self.tr("%1 from %2 - click to go there")
                    .replace("%1", self._marker_text(index))
                    .replace("%2", format_time(start)),
                    self,
                )
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def _paint_ruler(self, painter: QPainter, rect: QRect) -> None:
        recording = self._recording
        if recording is None:
            return
        rate = recording.audio.sample_rate
        top = rect.bottom() + 1
        painter.fillRect(QRectF(0, top, self.width(), RULER_HEIGHT), QColor("#f0f4f6"))
        first_s, last_s = self._first / rate, self._last / rate
        span = max(last_s - first_s, 1e-6)
        step = next((s for s in NICE_STEPS_S if span / s <= rect.width() / 90), NICE_STEPS_S[-1])
        tick = (int(first_s / step) + 1) * step if first_s % step else first_s
        painter.setPen(QColor("#5b6b74"))
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() - 1.5))
        painter.setFont(small)
        while tick <= last_s:
            x = self._x_for_frame(tick * rate)
            painter.drawLine(QPointF(x, top), QPointF(x, top + 5))
            painter.drawText(QPointF(x + 3, top + 17), format_time(tick, precise=step < 1))
            tick += step

    def _paint_dynamic(self, painter: QPainter) -> None:
        recording = self._recording
        assert recording is not None
        rect = self._wave_rect()
        rate = recording.audio.sample_rate
        self._paint_blocked(painter, rect, rate)
        x = self._x_for_frame(self._playhead * rate)
        if x > rect.left():
            played = QColor("#0f4c5c")
            played.setAlpha(28)
            painter.fillRect(QRectF(rect.left(), rect.top(), min(x, rect.right()) - rect.left(), rect.height()), played)
        flag_colour = QColor("#9a3412")
        for mark_s, _note in self._marks:
            mx = self._x_for_frame(mark_s * rate)
            if rect.left() <= mx <= rect.right():
                painter.setPen(QPen(flag_colour, 2))
                painter.drawLine(QPointF(mx, rect.top()), QPointF(mx, rect.bottom()))
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() - 1.5))
        painter.setFont(small)
        for flag, label in self.mark_flags():
            painter.fillRect(flag, flag_colour)
            painter.setPen(QColor("#ffffff"))
            painter.drawText(flag.adjusted(4, 0, -2, 0), Qt.AlignmentFlag.AlignVCenter, label)
        if rect.left() <= x <= rect.right():
            painter.setPen(QPen(QColor("#a4262c"), 2))
            painter.drawLine(QPointF(x, 0), QPointF(x, rect.bottom()))

    # -- input -------------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        start = self.measure_at(event.position().x(), event.position().y())
        if start is not None and self._recording is not None:
            self.seek_requested.emit(start)
            return
        self._seek_to(event.position().x())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._seek_to(event.position().x())

    def _seek_to(self, x: float) -> None:
        if self._recording is None:
            return
        rect = self._wave_rect()
        x = min(max(x, rect.left()), rect.right())
        self.seek_requested.emit(self._frame_for_x(x) / self._recording.audio.sample_rate)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self._recording is None:
            return
        steps = event.angleDelta().y() / 120
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            span = self._last - self._first
            self._set_view(int(self._first - steps * span / 10), int(self._last - steps * span / 10))
        else:
            self.zoom(0.8**steps, self._frame_for_x(event.position().x()))
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(0.5)
        elif key == Qt.Key.Key_Minus:
            self.zoom(2.0)
        elif key == Qt.Key.Key_0:
            self.show_all()
        else:
            super().keyPressEvent(event)
