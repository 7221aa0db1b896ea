"""Loading the compiled Dutch translation (.qm) so every tr() string shows in Dutch, and Qt's own (qtbase_nl)
for its dialogs and standard buttons.

Qt's Dutch catalogue lags behind Qt's sources: since Qt 6 the file dialog's labels carry a shortcut
("&Look in:", "Files of &type:") while qtbase_nl.qm only knows the old texts ("Look in:"), so they showed
in English. `QtGaps` fills exactly those gaps; a test lists every text of Qt's dialogs and fails on English.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from nunrec_desktop.resource_files import resources_dir

DEFAULT_LANGUAGE = "nl"

QT_GAPS_NL: dict[tuple[str, str], str] = {
    ("QFileDialog", "&Look in:"): "&Zoeken in:",
    ("QFileDialog", "Files of &type:"): "Bestands&type:",
}


class QtGaps(QTranslator):
    """Dutch for the few texts of Qt's own dialogs that qtbase_nl.qm does not translate."""

    def __init__(self, texts: dict[tuple[str, str], str], parent: QCoreApplication | None = None) -> None:
        super().__init__(parent)
        self._texts = texts

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        return self._texts.get((context, source))  # type: ignore[return-value]  # None: not ours, ask the next

    def isEmpty(self) -> bool:
        return not self._texts


def install_translators(app: QCoreApplication, language: str = DEFAULT_LANGUAGE) -> list[QTranslator]:
    """Install our translation and Qt's own (standard buttons); returns them so they stay alive."""
    installed: list[QTranslator] = []
    if language == "en":
        return installed
    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    ours = QTranslator(app)
    if ours.load(str(resources_dir() / "translations" / f"nunrec_{language}.qm")):
        app.installTranslator(ours)
        installed.append(ours)
    qt_base = QTranslator(app)
    if qt_base.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_base)
        installed.append(qt_base)
    if language == "nl":
        gaps = QtGaps(QT_GAPS_NL, app)
        app.installTranslator(gaps)
        installed.append(gaps)
    return installed
