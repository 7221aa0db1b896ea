"""The caller-data panel (P6): the possible caller details found in what the coach typed, one line each, with
"Mask", "Keep as..." (a name or an address, kept as what it is instead: a colleague's name, an organisation's
or the municipality's own address, a street as a place - `services.keeping`; a phone number, BSN, IBAN, date of
birth or e-mail address only masks) and "Mask all". One panel and one masking flow
for the 5A form and the side-by-side page. It says what it found in words ("postcode en huisnummer"), never
a key, and speaks through signals: the screen that owns the texts masks them or keeps the finding. It takes
space only while it has something to say; the screen lays it over its lower edge (`place_over`), so that it
appearing never moves what the coach is clicking.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nunrec_desktop.services import privacy
from nunrec_desktop.services.evaluations import KeptFinding, OpenFinding
from nunrec_desktop.services.keeping import (
    KEEP_COLLEAGUE,
    KEEP_MUNICIPALITY,
    KEEP_ORGANISATION,
    KEEP_STREET,
    keep_choices,
    keep_refusal_as,
)

UNKEEPABLE = "new mark"  # a finding in this field can only be masked (the note of a mark not yet dropped)


class CallerDataPanel(QFrame):
    mask_requested = Signal(object)  # list[OpenFinding]: mask these
    keep_requested = Signal(object)  # KeptFinding: keep this one as what the coach says it is
    refused = Signal(str)  # a sentence for the screen's message line

    def __init__(self, keeping: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guardBox")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self._keeping = keeping
        self.title = QLabel(self.tr("Possible caller details"), self)
        self.title.setObjectName("guardTitle")
        self.title.setWordWrap(True)
        self.title.setToolTip(self.tr("Mask them, or say what a name or an address is instead."))
        self.list = QListWidget(self)
        self.list.setObjectName("findingsList")
        self.list.setAccessibleName(self.tr("Possible caller details"))
        self.list.setFixedHeight(int(2.6 * self.fontMetrics().height()) + 12)
        self.list.setWordWrap(False)  # one line each (the whole text in its tooltip): more of them in view
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.currentItemChanged.connect(lambda _current, _previous: self._update_keep_button())
        self.mask_button = QPushButton(self.tr("Mask"), self)
        self.keep_button = QPushButton(self.tr("Keep as..."), self)
        self.keep_menu = QMenu(self.keep_button)  # what the text is instead, for the selected finding's kind
        self.mask_all_button = QPushButton(self.tr("Mask all"), self)
        self.mask_button.clicked.connect(self._mask_chosen)
        self.keep_button.clicked.connect(self._offer_keep_choices)
        self.mask_all_button.clicked.connect(lambda: self.mask_requested.emit(self.findings()))
        self.keep_button.setVisible(keeping)
        layout = QHBoxLayout(self)  # compact: the findings on the left, the buttons on the right
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(8)
        found = QVBoxLayout()
        found.setSpacing(4)
        found.addWidget(self.title)
        found.addWidget(self.list)
        found.addStretch(1)
        layout.addLayout(found, 1)
        buttons = QVBoxLayout()
        buttons.setSpacing(4)
        for button in (self.mask_button, self.keep_button, self.mask_all_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.hide()

    def kind_word(self, kind: str) -> str:
        """The kind of a finding in words for the coach (the service's kinds are keys)."""
        words = {
            privacy.KIND_PHONE: self.tr("phone number"),
            privacy.KIND_POSTCODE: self.tr("address"),
            privacy.KIND_EMAIL: self.tr("e-mail address"),
            privacy.KIND_BSN: self.tr("BSN"),
            privacy.KIND_IBAN: self.tr("bank account number"),
            privacy.KIND_BIRTH_DATE: self.tr("date of birth"),
            privacy.KIND_NAME: self.tr("name"),
        }
        return words.get(kind, self.tr("caller detail"))

    def show_findings(self, findings: list[tuple[OpenFinding, str]], active: bool = True) -> None:
        """The findings with where each is (in the screen's words); shown while there are any and `active`."""
        chosen = self.list.currentRow()
        self.list.clear()
        for open_finding, where in findings:
            kind = self.kind_word(open_finding.finding.kind)
            item = QListWidgetItem(f"{kind}: \u201c{open_finding.finding.text}\u201d - {where}")
            item.setToolTip(item.text())
            item.setData(Qt.ItemDataRole.UserRole, open_finding)
            self.list.addItem(item)
        if findings:
            self.list.setCurrentRow(min(max(chosen, 0), len(findings) - 1))
        self._update_keep_button()
        self.title.setText(
            self.tr("1 possible caller detail")
            if len(findings) == 1
            else self.tr("%1 possible caller details").replace("%1", str(len(findings)))
        )
        self.setVisible(bool(findings) and active)
        if self.isVisible():
            self.raise_()

    def findings(self) -> list[OpenFinding]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]

    def count(self) -> int:
        return self.list.count()

    def place_over(self, area: QRect, avoid: QRect | None = None) -> None:
        """Lie over the lower edge of `area` (in the parent's coordinates), or over its upper edge when the
        lower one holds `avoid` (the field the coach is typing in)."""
        height = self.heightForWidth(area.width())
        height = height if height > 0 else self.sizeHint().height()
        below = QRect(area.left(), area.bottom() - height + 1, area.width(), height)
        if avoid is not None and below.intersects(avoid):
            below.moveTop(area.top())
        self.setGeometry(below)

    def _chosen(self) -> OpenFinding | None:
        item = self.list.currentItem()
        chosen: OpenFinding | None = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return chosen

    def _mask_chosen(self) -> None:
        chosen = self._chosen()
        if chosen is not None:
            self.mask_requested.emit([chosen])

    def keep_words(self) -> dict[str, str]:
        """What a kept text can be instead, in the coach's words (`services.keeping.KEEP_WORDS`)."""
        return {
            KEEP_COLLEAGUE: self.tr("name of a colleague"),
            KEEP_ORGANISATION: self.tr("address or number of an organisation or service"),
            KEEP_MUNICIPALITY: self.tr("details of the municipality itself"),
            KEEP_STREET: self.tr("street name as a place"),
        }

    def _update_keep_button(self) -> None:
        """Only a name or an address can be kept, as what it is instead; a phone number, BSN, IBAN, date of
        birth or e-mail address cannot (the kind is the one the service's guard found)."""
        chosen = self._chosen()
        keepable = chosen is not None and bool(keep_choices(chosen.finding.kind)) and chosen.field != UNKEEPABLE
        self.keep_button.setEnabled(keepable)
        self.keep_button.setToolTip(
            self.tr("Say what this text is instead of a caller's detail.")
            if keepable
            else ""
            if chosen is None
            else self.tr(
                "This cannot be kept; mask it. A phone number, BSN, IBAN, date of birth or e-mail address is always "
                "masked; a name or an address can be kept as what it is instead."
            )
        )

    def _offer_keep_choices(self) -> None:
        """The choices for the selected finding's kind, in a menu under the button (one click keeps)."""
        chosen = self._chosen()
        if chosen is None or not self._keeping:
            return
        self.keep_menu.clear()
        words = self.keep_words()
        for choice in keep_choices(chosen.finding.kind):
            action = self.keep_menu.addAction(words[choice])
            action.setData(choice)
            action.triggered.connect(lambda _checked=False, c=choice: self.keep_selected(c))
        if not self.keep_menu.isEmpty():
            self.keep_menu.popup(self.keep_button.mapToGlobal(self.keep_button.rect().bottomLeft()))

    def keep_selected(self, keep_as: str) -> None:
        """Keep the selected finding as `keep_as`; the service checks it again against its own scan."""
        chosen = self._chosen()
        if chosen is None or chosen.field == UNKEEPABLE:
            return
        refusal = keep_refusal_as(chosen.finding.kind, keep_as)
        if refusal is not None:
            self.refused.emit(refusal)
            return
        self.keep_requested.emit(KeptFinding(chosen.field, chosen.finding.kind, chosen.finding.text, keep_as))
