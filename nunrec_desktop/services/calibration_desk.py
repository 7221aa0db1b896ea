"""Calibration between coaches as a coach's desk offers it (`CalibrationDesk`, a mixin of `CoachDesk`):
services/calibrations.py decides and audits.
"""

from __future__ import annotations

from nunrec_desktop.domain import InvalidInput, User
from nunrec_desktop.services.access import CALIBRATION_PURPOSE
from nunrec_desktop.services.calibrations import CalibrationService, CalibrationStats, CalibrationView
from nunrec_desktop.services.desk import DeskParts
from nunrec_desktop.services.listening import OpenedRecording


class CalibrationDesk:
    """Calibration between coaches: what a coach's desk offers (services/calibrations.py decides and audits)."""

    user: User
    _parts: DeskParts

    def _calibrations(self) -> CalibrationService:
        if self._parts.calibrations is None:
            raise InvalidInput("Kalibratie is in deze werkplek niet beschikbaar.")
        return self._parts.calibrations

    def share_for_calibration(self, evaluation_id: int) -> int:
        return self._calibrations().share(self.user, evaluation_id)

    def calibrations(self) -> list[CalibrationView]:
        return self._calibrations().list(self.user)

    def calibration(self, calibration_id: int) -> CalibrationView:
        return self._calibrations().show(self.user, calibration_id)

    def score_calibration(self, calibration_id: int, answers: dict[str, str]) -> None:
        self._calibrations().score(self.user, calibration_id, answers)

    def agree_calibration(self, calibration_id: int, answers: dict[str, str], note: str = "") -> CalibrationView:
        return self._calibrations().agree(self.user, calibration_id, answers, note)

    def calibration_stats(self) -> CalibrationStats:
        return self._calibrations().stats(self.user)

    def open_calibration_call(self, calibration_id: int) -> OpenedRecording:
        """A calibration's shared call in the player, for that calibration only: decided by the policy as a
        listen for calibration and audited with the purpose "kalibratie"; only the calibrated employee's part.
        Runs off the GUI thread."""
        call = self._calibrations().shared_call(self.user, calibration_id)
        return self._parts.listening.open(
            self.user, call.recording_id, CALIBRATION_PURPOSE, only_employee=call.employee_id, calibration=call.access
        )

    def _before_calibration_playback(self, opened: OpenedRecording) -> None:
        """A start of playback of a calibration's call, decided on the calibration as it is now (closed: no)."""
        assert opened.calibration is not None
        now = self._calibrations().shared_call(self.user, int(opened.calibration.calibration_id)).access
        self._parts.listening.before_playback(self.user, opened, now)
