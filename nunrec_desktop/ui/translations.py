"""Loading the compiled Dutch translation (.qm) so every tr() string shows in Dutch."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from nunrec_desktop.resource_files import resources_dir

DEFAULT_LANGUAGE = "nl"


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
    return installed
